package dossier

import "marquee/internal/film"

// The FAQ pairs of the corpus articles, copied from the files: questions
// without their numbering or "Q:", answers without "•" or "A:".

var faqRedRocket = []film.FAQ{
	{Question: "Is “Red Rocket” suitable for all audiences?",
		Answer: "Due to its mature themes, explicit content, and depiction of sensitive subject matter, “Red Rocket” is recommended for adult audiences. Viewer discretion is advised."},
	{Question: "What makes “Red Rocket” stand out from other indie films?",
		Answer: "“Red Rocket” distinguishes itself through its raw authenticity, bold storytelling, and nuanced character development. Director Sean Baker’s unique vision and Simon Rex’s powerhouse performance elevate the film to a new level of cinematic excellence."},
	{Question: "What themes does “Red Rocket” explore?",
		Answer: "“Red Rocket” delves into a myriad of themes, including redemption, identity, the pursuit of the American Dream, and the consequences of unchecked ambition. Through its exploration of complex moral and ethical dilemmas, the film offers viewers a thought-provoking and introspective viewing experience."},
	{Question: "How does “Red Rocket” compare to other films directed by Sean Baker?",
		Answer: "While “Red Rocket” shares thematic similarities with Baker’s previous works, such as “The Florida Project” and “Tangerine,” it stands out as a unique and powerful entry in his filmography. Each film offers a distinctive perspective on the human experience, exploring the lives of marginalized characters with empathy and compassion."},
	{Question: "What impact has “Red Rocket” had on the film industry?",
		Answer: "“Red Rocket” has made a significant impact on the film industry, inspiring a new generation of independent filmmakers to push the boundaries of storytelling and representation. Its critical acclaim and lasting cultural relevance have cemented its status as a modern classic, paving the way for more diverse and inclusive narratives in cinema."},
}

var faqTangerine = []film.FAQ{
	{Question: "Is “Tangerine” suitable for all audiences?",
		Answer: "No. The film is rated R in the United States and contains explicit sexual content, nudity, drug use and near-constant profanity."},
	{Question: "Was “Tangerine” really shot on an iPhone?",
		Answer: "Yes. It was shot on three iPhone 5s phones fitted with anamorphic adapter lenses, using the FiLMiC Pro app."},
	{Question: "Who directed “Tangerine”?",
		Answer: "Sean Baker directed the film, co-wrote it with Chris Bergoch, edited it, and shared cinematography duties with Radium Cheung."},
	{Question: "Are the lead actresses transgender in real life?",
		Answer: "Yes. Kitana Kiki Rodriguez and Mya Taylor are both transgender women, and neither had significant screen experience before the film."},
	{Question: "Is “Tangerine” based on a true story?",
		Answer: "Not directly. The plot is fictional, but it was shaped by real stories that Rodriguez, Taylor and others in the neighborhood shared during research."},
	{Question: "Did “Tangerine” win any major awards?",
		Answer: "Mya Taylor won the Independent Spirit Award for Best Supporting Female, and Kitana Kiki Rodriguez received a nomination for Best Female Lead."},
}

var faqFlorida = []film.FAQ{
	{Question: "Is The Florida Project suitable for children?",
		Answer: "Not really. It is rated R in the United States, largely for constant strong language, sexual references and drug material, and some scenes are emotionally distressing."},
	{Question: "Is the Magic Castle a real motel?",
		Answer: "Yes. The Magic Castle Inn & Suites is a real motel in Kissimmee, and the production filmed there while it was open to guests."},
	{Question: "Who plays Bobby, the motel manager?",
		Answer: "Willem Dafoe, who was nominated for the Academy Award for Best Supporting Actor for the role."},
	{Question: "How was the ending filmed?",
		Answer: "The final sequence was shot secretly on an iPhone 6s Plus inside the Magic Kingdom, which accounts for its sudden change in look."},
	{Question: "Why is it called The Florida Project?",
		Answer: "\"The Florida Project\" was the working name for Walt Disney World during its planning, which makes the title a pointed comment on the families living in its shadow."},
}
