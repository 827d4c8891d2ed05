/** Measuring answer quality on an evaluation set: hit@1, hit@3 and answer accuracy per language. */
package com.tradewind.knowledge.eval;
