package dossier

import "strings"

// The gazetteers are deliberately modest: names common in film writing.
// Patterns ("on location in X", "interview with X") catch the rest.

var places = setOf(`Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington State|West Virginia|Wisconsin|Wyoming|` +
	`Los Angeles|Hollywood|West Hollywood|New York City|Manhattan|Brooklyn|Queens|Harlem|the Bronx|Staten Island|San Francisco|Oakland|San Diego|Chicago|Houston|Dallas|Austin|San Antonio|Galveston|Texas City|Port Arthur|Miami|Orlando|Kissimmee|Tampa|Atlanta|New Orleans|Seattle|Portland|Boston|Philadelphia|Detroit|Baltimore|Las Vegas|Phoenix|Denver|Nashville|Memphis|Santa Monica|Long Beach|Compton|Pasadena|Burbank|Silver Lake|Koreatown|Washington, D.C.|` +
	`United States|America|North America|South America|Latin America|Canada|Mexico|Mexico City|Toronto|Vancouver|Montreal|United Kingdom|Britain|England|Scotland|Ireland|Wales|London|Paris|France|Berlin|Germany|Italy|Rome|Spain|Madrid|Portugal|Lisbon|Greece|Athens|Russia|Moscow|China|Beijing|Shanghai|Hong Kong|Taiwan|Japan|Tokyo|Korea|South Korea|Seoul|India|Mumbai|Iran|Tehran|Israel|Egypt|Nigeria|Lagos|South Africa|Brazil|Rio de Janeiro|Argentina|Buenos Aires|Chile|Colombia|Cuba|Australia|Sydney|Melbourne|New Zealand|Europe|Asia|Africa|Armenia|Poland|Sweden|Denmark|Norway|Finland|Netherlands|Amsterdam|Belgium|Austria|Vienna|Switzerland|Turkey|Istanbul|Thailand|Bangkok|Vietnam|Philippines|Manila|Indonesia`)

var publications = setOf(`IndieWire|Indiewire|Variety|Deadline|Deadline Hollywood|The Hollywood Reporter|Hollywood Reporter|Associated Press|the Associated Press|Reuters|Film Journal International|The New York Times|New York Times|the New York Times|The New Yorker|the New Yorker|The Guardian|the Guardian|The Observer|Los Angeles Times|the Los Angeles Times|LA Times|The Washington Post|Washington Post|the Washington Post|The Wall Street Journal|Wall Street Journal|USA Today|Chicago Sun-Times|Chicago Tribune|The Boston Globe|Boston Globe|The Atlantic|the Atlantic|Vulture|Vanity Fair|Rolling Stone|Sight and Sound|Sight & Sound|Slant|Slant Magazine|The A.V. Club|A.V. Club|The AV Club|RogerEbert.com|Screen Daily|Screen International|TheWrap|The Wrap|Collider|Entertainment Weekly|Empire magazine|Total Film|Little White Lies|Filmmaker Magazine|Film Comment|Cahiers du Cinéma|Interview Magazine|The Independent|The Telegraph|The Daily Telegraph|Time Out|Time magazine|NPR|BBC|CNN|The Ringer|Letterboxd|Rotten Tomatoes|Metacritic|IGN|Polygon|The Film Stage|Paste Magazine|The Playlist|No Film School|Moviemaker|MovieMaker|Esquire|GQ|Vogue|W Magazine|Dazed|The Advocate|Pitchfork|The Verge|Wired|Forbes|Salon|Slate|Vox|HuffPost|The Daily Beast|Newsweek|Mashable|Business Insider`)

// pubFirst holds the first word of every publication, so that a clause
// is only searched for names that can start one.
var pubFirst = func() map[string]bool {
	m := map[string]bool{}
	for p := range publications {
		// "the Guardian" is found as "Guardian", as in a capitalised run.
		if w, _, _ := strings.Cut(p, " "); isCap(w) {
			m[w] = true
		}
	}
	return m
}()

var firstNames = setOf(`Aaron|Adam|Alan|Albert|Alex|Alexander|Alexis|Alfred|Alice|Alla|Amy|Andrea|Andrew|Andy|Angela|Ann|Anna|Anne|Anthony|Ari|Arthur|Ashley|Barbara|Barry|Ben|Benjamin|Bill|Billy|Bob|Bobby|Brad|Brian|Bria|Brooklynn|Bruce|Caleb|Carl|Carol|Caroline|Catherine|Charles|Charlie|Chloe|Chris|Christian|Christopher|Claire|Clint|Colin|Craig|Dan|Daniel|David|Dennis|Denis|Diane|Don|Donald|Dustin|Ed|Edward|Elizabeth|Ellen|Emily|Emma|Eric|Ethan|Frances|Francis|Frank|Fred|Gary|George|Gerard|Greg|Greta|Guillermo|Hal|Harold|Harry|Helen|Henry|Hugh|Ian|Isabelle|Jack|Jacob|James|Jamie|Jane|Janet|Jason|Jay|Jean|Jeff|Jennie|Jennifer|Jeremy|Jessica|Jim|Joan|Joe|Joel|John|Jonathan|Jordan|Joseph|Josh|Julia|Julie|Justin|Karen|Karren|Kate|Katherine|Kathryn|Keanu|Kelly|Ken|Kenneth|Kevin|Kitana|Kristen|Larry|Laura|Lee|Leonardo|Linda|Lisa|Louis|Lucas|Margaret|Maria|Mark|Martin|Mary|Matt|Matthew|Meryl|Michael|Michelle|Mickey|Mike|Mya|Nancy|Natalie|Nicole|Noah|Olivia|Oliver|Pat|Patricia|Patrick|Paul|Pedro|Peter|Philip|Quentin|Rachel|Radium|Ralph|Richard|Rick|Robert|Roger|Ron|Ryan|Sam|Samuel|Sandra|Sarah|Scott|Sean|Sofia|Sophie|Spike|Stanley|Stephen|Steve|Steven|Susan|Suzanna|Thomas|Tim|Timothy|Todd|Tom|Tony|Valeria|Victoria|Walter|Wes|Willem|William|Woody|Zoe`)

// orgWords end names that are not people: "Magnolia Pictures".
var orgWords = setOf(`Pictures|Studios|Studio|Films|Film|Festival|Award|Awards|Prize|Boulevard|Avenue|Street|Road|Route|Labs|Inn|Suites|Institute|University|College|Center|Centre|Park|Project|Productions|Records|Entertainment|Media|Magazine|Times|Post|News|Reporter|Club|Society|Academy|Foundation|Company|Kingdom|Castle|Motel|Hotel|World|Time|Eve|Day|Dream|Globe|Oscar|Oscars|Lead|Female|Male|Actor|Actress|Picture|Director|Screenplay|Theater|Theatre|Network|Channel|Pro|Smoothee|Gang|Channel`)

// stopCaps are capitalised only because they open a sentence.
var stopCaps = setOf(`A|An|The|In|On|At|As|It|Its|It’s|This|That|These|Those|While|When|Where|From|With|For|And|But|Or|Despite|Each|Every|His|Her|Their|Our|What|Who|How|Why|Is|Are|Was|Were|Did|Does|Do|Yes|No|Not|Some|Many|Others|After|Before|During|Instead|Speaking|Talking|Upon|Among|Behind|Throughout|Within|Through|Meanwhile|Although|Though|If|Even|Both|Neither|Nor|Only|Few|Most|All|One|Two|Three|Here|There|Then|Now|Alongside|Over|Under|By|To|Of|He|She|They|We|You|I|Director|Filmmaker|Ultimately|Also|Like|Unlike|Whether|So|Yet|Still|Later|Critics|Audiences|Viewers|Fans|Defenders|Reviews|Scenes|Let|Set|Made|Shot|Filmed|Directed|Written|Led|Starring|Featuring|Within|Once|Just|Perhaps|Indeed|However|Nearly|Running|Cinematographer|Composer|Editor|Producer|Screenwriter|Writer|Novelist|Author|Critic|Actress|Co-writer|Co-star`)

func setOf(list string) map[string]bool {
	m := map[string]bool{}
	for _, s := range strings.Split(list, "|") {
		m[s] = true
	}
	return m
}
