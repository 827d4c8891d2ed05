/** Language identification of queries, passages and chat messages (Lingua plus script rules). */
package com.tradewind.knowledge.lang;
