"""English boilerplate: families of chrome and appeal phrases, each named by the reason recorded
when it removes text.

Two kinds: *line* patterns must match a whole line (widgets, labels, timers: short lines
whose whole content is chrome); *sentence* patterns may match inside a line and remove the
sentences they hit (appeals glued to the first sentence of the story, newsletter prompts).
Patterns describe families seen across many sites, never one page's wording.
"""

from __future__ import annotations

_SOCIAL = (
    r"facebook|twitter|x|whatsapp|linkedin|pinterest|reddit|telegram|messenger|email|e-mail"
    r"|print|tweet|share|copy link|flipboard|tumblr|vk|mail"
)

LINE_FAMILIES: dict[str, str] = {
    "share widget": (
        r"(?:share|like|tweet|email|print|copy link|(?:share|like) this(?: article| story| page| post)?"
        rf"|share (?:on|via|to) (?:{_SOCIAL})(?: \w+)?|click to (?:share|email|print)[^\n]{{0,60}}"
        r"|%d bloggers like this|\d+ bloggers like this|like loading\W*|be the first to like this"
        rf"|(?:(?:{_SOCIAL})\W*){{2,}}|share this with[^\n]{{0,40}}|\d+ shares?)\W*"
    ),
    "comment form": (
        r"(?:leave a (?:reply|comment)|post (?:a )?comment|cancel reply|comments? (?:are|is) closed"
        r"|\d+ comments?|(?:add|view|show|load|read) (?:a |all |more )?comments?"
        r"|join the (?:conversation|discussion)|your email address will not be published[^\n]*"
        r"|required fields are marked[^\n]*|(?:name|email|website|comment) ?\*"
        r"|save my name, email[^\n]*|notify me of (?:new|follow-up)[^\n]*"
        r"|you must be logged in to post a comment[^\n]*|comments?)\W*"
    ),
    "related links": (
        r"(?:our readers are reading too|read more|read next|related(?: articles| stories| news"
        r"| coverage| content| topics)?|recommended(?: for you| stories| reading)?"
        r"|more (?:from|on|about) [\w .'-]{1,40}|you (?:may|might) also (?:like|be interested in)"
        r"|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|top stories"
        r"|editor'?s picks?|see also|also read|don'?t miss|more stories|latest (?:news|stories))\W*"
        r"|(?:read more|related|also read|see also|read next|more)\s*:[^\n]{0,200}"
    ),
    "media or ad placeholder": (
        r"(?:(?:youtube|vimeo|video|image|photo|audio|embedded|embed|media)(?: video)?"
        r" (?:thumbnail|player|embed|content|gallery|unavailable)|podcasts?|videos?|photos?"
        r"|watch(?: now| video| live| the video)?|listen(?: now| live| to this article)?"
        r"|play(?: video| audio)?|advertisement|advertising|advert|sponsored(?: content)?"
        r"|skip (?:advertisement|ad)|ad|image source[^\n]{0,80}|image caption[^\n]{0,240}"
        r"|getty images|(?:photo|image|picture)(?: credit)?:[^\n]{0,120}"
        r"|loading(?: [\w -]{1,40})?(?:\.\.\.|…)?\W*"
        r"|this video (?:is|has been)[^\n]{0,80}|\[?(?:embed|video|image)\]?)\W*"
    ),
    "media timer": r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*/\s*\d{1,2}:\d{2}(?::\d{2})?)?",
    "section label": (
        r"(?:world|international|politics|business|economy|europe|asia|africa|americas"
        r"|middle east|opinion|analysis|sport|sports|culture|science|technology|tech|health"
        r"|news|breaking|breaking news|live|latest|local|national|us news|uk news|us|uk"
        r"|environment|climate|entertainment|lifestyle|travel|features?|markets?|finance"
        r"|defen[cs]e|security|diplomacy|society|regions?|home|world news|top news"
        r"|exclusive|update|updated|commentary|editorial|explainer|in depth"
        r"|(?:[\w'’-]+ ){0,3}in pictures)\W*"
    ),
    "page control": (
        r"(?:(?:show|see|view|load) (?:all|more)(?: \d+)?(?: (?:photos|images|pictures|stories|articles"
        r"|results|items))?|show (?:less|fewer)|back to top|scroll to top|(?:next|previous) (?:page"
        r"|article|story|slide)|(?:previous|prev) \W* next)\W*"
    ),
    "metadata label": (
        r"(?:(?:article|story|text|words|written|posted|published|reporting|photos?) (?:by|on)"
        r"|(?:first |last )?(?:published|posted) (?:on|at)?)\W*"
    ),
    "copyright notice": (
        r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?[^\n]{0,120}"
        r"|[^\n]{0,80}\ball rights reserved\W*[^\n]{0,80}"
    ),
    "cookie notice": (
        r"[^\n]{0,200}\b(?:cookies?)\b[^\n]{0,200}\b(?:accept|consent|policy|settings)\b[^\n]{0,120}"
    ),
}

SENTENCE_FAMILIES: dict[str, str] = {
    "donation appeal": (
        r"\byour (?:support|donation|contribution|gift|subscription)s?\b[^.!?\n]{0,80}"
        r"\b(?:helps?|makes?|allows?|keeps?|enables?|means?|funds?|matters?|ensures?|powers?)\b"
        r"|\b(?:support|fund|back|protect)\s+(?:our|independent|quality|local|free|public"
        r"-interest)\s+(?:journalism|reporting|newsroom|news)"
        r"|\b(?:donate (?:now|today|to)|make a (?:donation|contribution)|become a (?:member|supporter"
        r"|patron)|(?:subscribe|support us) (?:now|today))\b"
        r"|\bis trusted by\b[^.!?\n]{0,80}\b(?:readers|americans|people|audiences|millions|across)"
        r"|\bout of our (?:reporting|journalism)\b|\bwith paywalls?\b|\bbehind a paywall\b"
        r"|\bjournalism should be (?:available|free|open|accessible)\b"
        r"|\bthose who can afford\b|\bhelps? us (?:to )?(?:tell|keep|continue|report|cover|stay)\b"
        r"|\bthanks? to (?:the )?(?:support|generosity) of (?:our )?readers\b"
        r"|\bwe rely on (?:our )?readers\b|\bany amount helps\b"
        r"|\bis an? (?:independent|reader-funded|reader-supported|non-?profit)\b[^.!?\n]{0,30}"
        r"\b(?:newspaper|newsroom|publication|news site|news organi[sz]ation|journalism|media)\b"
    ),
    "newsletter prompt": (
        r"\b(?:sign up|subscribe)\b[^.!?\n]{0,60}\b(?:newsletter|inbox|alerts|briefing|bulletin)"
        r"|\bget (?:our|the) [\w\s]{0,30}newsletter\b|\benter your email\b"
        r"|\bdelivered (?:straight |directly )?to your inbox\b"
    ),
    "cookie notice": (
        r"\bwe use cookies\b|\bth(?:is|e) (?:web)?site uses cookies\b|\baccept (?:all )?cookies\b"
    ),
    "subscription prompt": (
        r"\b(?:subscribe|sign in|log in)\b[^.!?\n]{0,60}\bto (?:bookmark|save) (?:this|your|articles?"
        r"|stories)\b"
        r"|\bwant to bookmark\b"
    ),
    "social or app prompt": (
        r"\bfollow us on (?:twitter|facebook|instagram|x|telegram|linkedin|google news)\b"
        r"|\bfollow us\s*:"
        r"|\bclick here to\b|\bdownload (?:our|the) (?:free )?app\b"
        r"|\bjoin (?:us|our channel) on (?:telegram|whatsapp)\b"
    ),
}

# Every sentence pattern contains one of these; a cheap substring test skips the regex
# for the vast majority of lines, which hold none of them.
SENTENCE_CUES = (
    "your", "support", "donat", "trusted", "paywall", "journalism", "afford", "help", "newsletter",
    "sign up", "subscri", "inbox", "email", "cookie", "follow us", "click here", "download", "join",
    "contribut", "member", "readers", "amount", "fund", "back", "protect", "out of our", "patron",
    "independent", "reader-", "profit", "bookmark",
)  # fmt: skip

# The outlet speaking to its readers: a sentence in this voice beside an appeal is the appeal.
VOICE = ("we", "our", "us", "your", "you")
