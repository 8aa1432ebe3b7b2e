// The application's shell: language, sign-in state and the two pages, chosen by the URL's hash (#/desk) so the
// gateway serves one page at `/` and needs no fallback route.
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { claimsOf, session } from "./api";
import { Dashboard } from "./dashboard";
import { Desk } from "./desk";
import { LABELS, type Language, LanguageContext } from "./i18n";
import { SignIn } from "./signin";
import "./style.css";

type Page = "dashboard" | "desk";
const pageOf = (hash: string): Page => (hash.startsWith("#/desk") ? "desk" : "dashboard");

function App() {
  const [lang, setLang] = useState<Language>(() => (localStorage.getItem("vnge.lang") === "en" ? "en" : "vi"));
  const [token, setToken] = useState(session.token());
  const [page, setPage] = useState<Page>(pageOf(location.hash));
  const t = LABELS[lang];
  const claims = claimsOf(token);

  useEffect(() => {
    const onHash = () => setPage(pageOf(location.hash));
    addEventListener("hashchange", onHash);
    return () => removeEventListener("hashchange", onHash);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t.title;
    localStorage.setItem("vnge.lang", lang);
  }, [lang]);

  return (
    <LanguageContext.Provider value={lang}>
      <a class="skip" href="#main">
        {lang === "vi" ? "Bỏ qua đến nội dung" : "Skip to content"}
      </a>
      <header class="top">
        <strong class="brand">{t.title}</strong>
        {claims && (
          <nav aria-label={lang === "vi" ? "Trang" : "Pages"}>
            <a href="#/dashboard" aria-current={page === "dashboard" ? "page" : undefined}>
              {t.nav.dashboard}
            </a>
            <a href="#/desk" aria-current={page === "desk" ? "page" : undefined}>
              {t.nav.desk}
            </a>
          </nav>
        )}
        <span class="spacer" />
        {claims && (
          <span class="who">
            {t.signedInAs} {claims.sub} · {claims.roles.join(", ")} · {claims.areas.join(", ")}
          </span>
        )}
        <button type="button" class="link" lang={lang === "vi" ? "en" : "vi"} onClick={() => setLang(lang === "vi" ? "en" : "vi")}>
          {t.switchLanguage}
        </button>
        {claims && (
          <button
            type="button"
            class="link"
            onClick={() => {
              session.signOut();
              setToken(null);
            }}
          >
            {t.nav.signOut}
          </button>
        )}
      </header>
      {!claims ? <SignIn onSignedIn={() => setToken(session.token())} /> : page === "desk" ? <Desk claims={claims} /> : <Dashboard claims={claims} />}
    </LanguageContext.Provider>
  );
}

render(<App />, document.getElementById("app") as HTMLElement);
