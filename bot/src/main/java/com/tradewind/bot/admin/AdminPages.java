package com.tradewind.bot.admin;

/** The two small pages served without the token: the login form and the "dashboard is off" notice. */
final class AdminPages {

  private AdminPages() {}

  private static String page(String title, String body) {
    return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s · Tradewind admin</title>
        <link rel="icon" href="data:,">
        <link rel="stylesheet" href="/admin/assets/admin.css">
        </head><body class="narrow"><main>%s</main></body></html>
        """.formatted(title, body);
  }

  static String login(boolean failed) {
    return page("Sign in", """
        <h1>Tradewind admin</h1>
        <form id="login" method="post" action="/admin/login" class="card">
          <label for="token">Admin token</label>
          <input id="token" name="token" type="password" autocomplete="current-password" required>
          %s
          <button type="submit">Sign in</button>
        </form>
        """.formatted(failed ? "<p class=\"error\" id=\"login-error\">That token is not right.</p>" : ""));
  }

  static String off() {
    return page("Dashboard off", """
        <h1>Tradewind admin is off</h1>
        <p class="card">The dashboard is turned on by setting the environment variable
        <code>TRADEWIND_ADMIN_TOKEN</code> to a long random value (at least 16 characters, e.g.
        <code>openssl rand -hex 24</code>) and restarting the bot. Then open <code>/admin</code> and
        sign in with that value, or send it as <code>Authorization: Bearer …</code>.</p>
        """);
  }
}
