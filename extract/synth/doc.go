// Package synth writes synthetic development-zone annual reports
// (年度工作总结) for measuring how the product scales with the corpus.
//
// The reports imitate the genre's shape, not its truth: a title
// `<zone>管委会<year>年度工作总结`, an opening paragraph of indicators,
// numbered sections (一、 （一） 1. 一是), industry-chain paragraphs led by a
// chain sentence, firms built from brand syllables and industry descriptors
// (some under full legal names, some as English acronyms), projects of many
// kinds and phases at every stage of the ontology's vocabulary, lists on 、,
// implicit projects (A、B等一批项目开工), products, places, and a 下一步
// section of planned work. Some reports carry the artefacts of PDF
// conversion (lines broken mid-word, spaces between Chinese and digits) and
// some are encoded in GB18030.
//
// Every report is a pure function of (seed, index): the same seed writes the
// same bytes, one report does not depend on another, and so a corpus can be
// written by as many workers as there are cores. A share of the firms comes
// from a pool shared by the whole corpus, so that the same firm recurs in
// several reports, as it does in a real province-wide study.
//
// Each report can be written with its ground truth (NAME.truth.json): the
// firms, projects, stages, chains, products, places and indicators that were
// planted in it. The truth is for sanity checks; the generator is not an
// accuracy benchmark.
package synth
