package dossier

// An interview printed as plain paragraphs sets its questions apart by
// nothing but their question marks: "Did you think of the film as a
// documentary first?" then the answer, and again. When a document reads
// so at least three times, its lone question paragraphs (or one-item
// numbered lists: "1. What motivated you to make this film?") are
// questions, and the assembly pairs them with their answers.

// minAskedPairs is how many question-then-answer pairs make a document
// an interview rather than a review with rhetorical questions.
const minAskedPairs = 3

// promoteQuestions turns the question paragraphs of such a document into
// question blocks; any other document comes back as it was.
func promoteQuestions(blocks []block) []block {
	asked, answered := 0, 0
	for i, b := range blocks {
		if !askedBlock(b) {
			continue
		}
		asked++
		if i+1 < len(blocks) && blocks[i+1].kind == bPara && !askedBlock(blocks[i+1]) {
			answered++
		}
	}
	if answered < minAskedPairs || answered*2 < asked {
		return blocks
	}
	for i, b := range blocks {
		if askedBlock(b) && i+1 < len(blocks) && blocks[i+1].kind == bPara && !askedBlock(blocks[i+1]) {
			text := b.text
			if b.kind == bList {
				text = b.items[0]
			}
			blocks[i] = block{kind: bQuestion, line: b.line, text: text}
		}
	}
	return blocks
}

// askedBlock is a paragraph that is one question, or a numbered list of
// one item that is.
func askedBlock(b block) bool {
	switch b.kind {
	case bPara:
		return b.qish && !b.answer
	case bList:
		return b.ordered && len(b.items) == 1 && len(b.items[0]) <= 300 && endsQuestion(b.items[0])
	}
	return false
}
