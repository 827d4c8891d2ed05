/** Reply texts per language from {@code config/replies}, with dates, money and numbers in the user's locale. */
package com.tradewind.bot.replies;
