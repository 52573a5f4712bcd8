// Package extract turns the text of a Chinese development-zone report into
// the entities, relations and indicators of the knowledge graph, each with
// the evidence it was read from.
//
// The pipeline, one document at a time:
//
//  1. decode (decode.go): UTF-8 with or without BOM, UTF-16 with BOM, else
//     GB18030; empty, binary and undecodable input is a kg.EUndecodable
//     error naming the file.
//  2. normalize (normalize.go): full-width ASCII folded, spaces next to
//     Chinese removed, page numbers dropped, PDF line breaks joined (a line
//     that does not end a sentence joins the next, across blank lines,
//     unless the next opens a section), tables (cells separated by tabs,
//     or aligned in columns by runs of spaces) written as records of
//     label：value fields. The result is the stored text; every offset is
//     in runes of it.
//  3. structure (structure.go): title, year, paragraphs, section headings
//     and levels (一、 (一) 1. (1)), sentences, and the sections about next
//     year's work whose stages are planned.
//  4. rules (rules.go, patterns.go, places_rules.go): clause by clause,
//     stage verbs (X落地, 建成X), lists (、 及 和, never inside an industry
//     name), 等-descriptors (X等一批项目 → firm X with project X项目; X等6家企业
//     → firms), owner prefixes (X全球创新中心 → project of X), legal names
//     and 以下简称, places before and after verbs (落户Y, 位于Y的), product
//     verbs (X自主研发的“P”), firm patterns (X成为…企业, 与X签署, X上市).
//     Firms are recognized from these contexts and from the shape of names
//     (suffixes such as 科技, 生物, 集团), never from a list of firms. The
//     genre's other forms are read too: items opened by numbers, bullets
//     (▶) or a bracketed name (【X项目】) under a list's stage; firms listed
//     under a chain's tiers and segments (上游：A（材料）、B（…）); a
//     press conference's answers, whose speech names a firm's project
//     (X化工的Y项目) and its stages (已经投产了, 预计明年建成投产), in the
//     industry the reporter's question asked about.
//  5. industries: a paragraph's lead sentence or a section heading names
//     the industry its firms and projects belong to (inIndustry); the
//     document's own names are kept and linked into the taxonomy
//     (subIndustryOf); words of a name that point to a narrower chain of
//     that industry add an inferred inIndustry with lower confidence.
//  6. indicators (indicators.go): every number with a unit, its name from
//     the words before it (or after it, for counts: 37家新升规企业), its
//     measure, subject place and year.
//
// The word lists the rules are keyed on are in lexicon.go; the industry
// taxonomy (data/taxonomy.json) and the gazetteer of places
// (data/places.txt) are data files embedded in the binary. Word lists are
// compiled into tries (trie.go) scanned once per sentence, so that the cost
// of a document is about linear in its length; evidence from very long
// sentences is a window around the fact, and every scan is bounded.
//
// Speed: a sentence's places, industries, area suffixes, stage verbs,
// product verbs and plan words are found in one pass over it (scanner),
// whose hits mentions, areas and the clause rules read (clauseHits: a
// clause's words are the sentence's words inside it). The scanner turns
// down most positions for all its tries at once, by one bitset of the
// first two runes of their words (2 KB) and a set of their words of one
// rune (32 bytes), before it loads the rune's tries from a table of all
// runes (128 KB, which would not stay in cache); a trie rejects most
// positions likewise, by its own bitset of first-rune pairs (a few
// hundred bytes) and a word of its words of one rune, before its bitsets
// of first runes (16 KB a trie) and its nodes, so that the twenty tries
// take little of the cache the rules' own work needs; a suffix (the
// longest word a name ends with) is found in one walk of the words
// written backwards, after a bitset of last runes. The lengths of the generic words at each
// position of the text are found once a document (trie.lengths,
// doc.genLens) and read by every rule that asks about a name cut from it.
// A sentence is cut into clauses and the words a clause's rules look for
// (等, 成为, 上市, 与, 公司, 其) and where a product's name may start (a
// Latin capital, an opening quote) are marked in one pass over it
// (clauseSegs; latinFirms reads only a sentence with a capital). The sets
// of runes the rules test at every position are switches or bitsets of
// their low bits, not strings.ContainsRune, and words of two runes are
// compared as two runes (has2), not decoded from a string (hasAt); a
// clause without a stage or lead words has the last 的 ownerClause reads,
// the verbs firmBuilds looks for and clauseTopic's verbs found in one pass
// from its end (nameClause), not one scan a rule, and trimItem looks for
// 项目首 once for all its rounds, from its rarest rune. A clause's rules
// are not called when their trigger is absent: firmPatterns and develops
// when its marks hold none of their words (and its first rune opens no
// firm's name), stripLead when the lead trie's pair bits turn its first
// position down (mayStart), topicStage without a topic or a subject,
// segmentList when no colon ends one of the sentence's pieces within a
// label's reach (labelled), planned in a sentence without a plan word;
// develops returns at once from a clause with neither a quote nor a
// Latin capital (every product it reads is one or the other), the search
// for 完成 from a clause that opens with no verb. A clause with stage
// verbs is read by a function of its own (stageClause), which keeps
// clause, where most clauses end, small. firmPatterns finds 签署, 签订, 签约 and 达成 after 与 in one
// pass (signVerb), and firmBuilds' verbs are a package's array rather
// than a literal built at each call. Words of two or three runes that a
// rule tests at a rune it has switched on are compared as runes
// (topicVerbAt, plausibleName, timeAt's 季度), and question tests a
// paragraph's first rune before it searches for 问：; ShortName finds a
// name's brackets and checks its UTF-8 in one pass (plainName), and
// trimSpace passes a name with a rune of Han at each end at a test of
// its bytes. topicHead finds a sentence's first clause end among the
// pieces clauseSegs cut, not by a scan of its runes again, and planned
// asks for a clause's plan words only in a sentence that holds one
// (sentHits.none). labelAt looks for the colon a record's label needs
// before it compares the labels; ownersByLegalName decodes a firm's name
// in place (appendRunes) and compares a project's name with a firm's
// short name from their first bytes. A clause's marks are passed to its
// rules by pointer, not copied at each call, and timeAt switches on a
// date word's first rune and its second rather than trying each word. The
// lengths of the document's firm and project names by their first rune
// are small open-addressing tables (runeLens), not maps; a known firm
// that opens a piece of the text is looked up by prefixes cut at the
// text's offsets; a gazetteer place knows whether it is below a city
// (place.local), ShortName tries only the region prefixes that open with
// the name's first rune, and runeLen counts the three-byte runes of
// Chinese in place (utf8.RuneCountInString decodes each with a call);
// the document's place names are sorted without sort.Slice's reflection
// and compared by their first runes before the names (placePrefix), the
// first runes of the places found by their suffix are a bitset that turns
// down most names before the places are tried (areaPrefix), trimQuotes
// tells from a name's first and last bytes that it has no quote to trim,
// a name spoken before 的 is looked up in the text until its second
// occurrence only (spokenOwner), not counted over all of it,
// and an indicator's name is searched for 公司 byte by byte from its end;
// a figure of 15 digits or less is its digits over a power of ten
// (parseFigure, rounded as strconv.ParseFloat rounds it), and the words a
// figure's unit and name are tested against are switches, not maps. The
// names of firms and projects that industryMentions tests its mentions
// against are indexed at the first mention that asks. The text
// is decoded to runes once, with each rune's byte offset, so that names
// and evidence read from the text are substrings of it rather than
// copies; a document's entities and relations are indexed by record
// number (recindex.go), not by copied keys.
//
// A frozen trie finds the root's child of a rune by its rank among the
// first runes (freeze numbers those children first), so that a walk
// starts without a load from a table of all runes. UTF-8 input is checked
// and counted in one pass (scanUTF8) and read in place until normalize
// makes the stored text; cleanLineInto tells the Chinese punctuation it
// keeps from the full-width forms it folds by a bitset of their last two
// bytes (keptSomeBits), not by decoding them, and a running header's
// second occurrence is looked for after its first, not counted over the
// whole text. decodeRunesInto tells a rune's kind by one load of its first
// byte's (runeLead) and notes the line breaks and sentence ends as it
// decodes, which parse and addPara read instead of every rune again
// (scanUTF8 tests a three-byte rune's lead by the same table), and the
// three compare their indices unsigned so that the compiler drops the
// bounds checks of their reads (scanUTF8's eight bytes of ASCII are then
// one load);
// isPlanHeading finds its words in one pass over a heading's runes, by
// their first runes. A name that is no piece of the text is cut from the
// string of the name resolveLegal made, and an empty span is "" (string
// of no runes allocates); spokenOwner finds a name again in the text by
// its third byte (indexHan), not its first, which opens most runes;
// leadIndustry turns down most runes of its lead by one switch and finds
// its growth words by pairs of runes after a bitset of their first runes
// (hasGrowthWord); indicators steps over runs of Han in a loop of its
// own. What one extraction needs only while it runs
// (runes, sentences, hit lists, record indexes, maps, the records while
// they are gathered) is kept in a pool of the Extractor's and reused by
// the next document (doc.reset), and the records are copied out at their
// size (ownersByLegalName cuts a firm's short name from its name and,
// when it moves a project to a firm, compares only the relations about
// that firm); ids are cut from one buffer of the document's (doc.join) and
// evidence and first aliases from one array each, so that a document
// makes few allocations beyond what it returns.
package extract
