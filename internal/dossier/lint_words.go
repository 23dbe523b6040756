package dossier

// Words to watch, after Wikipedia's guideline of that name: peacock terms
// praise without showing, weasel phrases claim support without saying
// whose. Matched whole-word and case-insensitively, outside quotations.
var peacockTerms = []string{
	"masterful", "masterfully", "masterpiece", "masterpieces", "visionary", "modern classic", "instant classic",
	"career-defining", "stunning", "powerhouse", "triumph", "must-see", "legendary", "iconic", "tour de force",
	"breathtaking", "groundbreaking", "unparalleled", "extraordinary", "remarkable", "cinematic excellence",
	"pantheon", "genius", "flawless", "unforgettable", "timeless", "mesmerizing", "mesmerising", "captivating",
	"brilliant", "best of what cinema has to offer", "testament to", "standout", "larger-than-life",
	"demands to be seen", "exceeded even the highest expectations", "lightning rod",
	// Wikipedia's "Words to watch" (puffery) in the register of film writing.
	"hugely successful", "enormously successful", "wildly successful", "one of the greatest films ever made",
	"one of the greatest films of all time", "one of the best films ever made", "greatest film ever made",
	"best film ever made", "a must-watch", "must-watch", "essential viewing", "cult classic",
	"seminal", "landmark film", "beloved", "celebrated", "world-class", "virtuoso", "awe-inspiring",
	"jaw-dropping", "game-changer", "game-changing", "cinematic masterpiece", "critically acclaimed",
}

// acclaimTerms are praise that needs a source on the same line.
var acclaimTerms = []string{"acclaim", "acclaimed", "accolades", "rave reviews", "universally praised"}

var weaselPhrases = []string{
	"some viewers", "many viewers", "many lauding", "critics say", "critics agree", "it is widely believed",
	"widely believed", "widely regarded", "widely considered", "widely described", "some interpret",
	"some critics", "some commentators", "defenders of the movie argue", "defenders of the film argue",
	"many believe", "it has been said", "it is said", "some have argued", "others argue", "while others",
	"fans point out", "it is believed", "arguably", "many consider", "viewers often", "some say",
	"most agree", "many critics", "many fans", "some fans", "it could be argued", "is considered by many",
	"one thing is clear", "one thing remains certain",
	"it is often said", "many people", "some people", "experts say", "critics have noted", "has been called",
	"is often considered", "is regarded by many", "is widely seen as", "has been described as",
}

// successClaims assert commercial success; negated ones ("may not have
// achieved blockbuster status") are skipped.
var successClaims = []string{
	"performed admirably at the box office", "success at the box office", "box office success",
	"box-office success", "box office hit", "box-office hit", "commercial success", "financial success",
	"blockbuster", "smash hit", "hit at the box office", "lucrative", "strong box office",
	"box office triumph", "healthy return", "earned back its budget many times",
}

// acclaimClaims assert critical praise, checked against the rating.
var acclaimClaims = []string{"widespread acclaim", "critical acclaim", "universal acclaim", "rave reviews",
	"overwhelmingly positive", "universally praised", "garnered widespread acclaim"}
