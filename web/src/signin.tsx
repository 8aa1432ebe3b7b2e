// Sign-in: paste a token, or on the embedded default (the gateway offers /dev/token) pick a role and an area.
import { useEffect, useState } from "preact/hooks";
import { claimsOf, getJson, session } from "./api";
import { useLabels } from "./i18n";
import { ErrorMessage } from "./ui";

export function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useLabels();
  const [pasted, setPasted] = useState("");
  const [roles, setRoles] = useState<string[] | null>(null);
  const [role, setRole] = useState("ANALYST");
  const [area, setArea] = useState("VN");
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // 404 in production: the development form is then not shown.
    getJson<{ roles: string[] }>("/dev/token").then(
      (answer) => setRoles(answer.roles),
      () => setRoles(null),
    );
  }, []);

  const signIn = (token: string) => {
    if (!claimsOf(token)) return setError(t.signIn.invalid);
    session.signIn(token);
    onSignedIn();
  };

  const developmentToken = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      const { token } = await getJson<{ token: string }>("/dev/token", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ roles: [role], areaCodes: [area.trim().toUpperCase()] }),
      });
      signIn(token);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <main id="main" class="narrow">
      <h1>{t.signIn.heading}</h1>
      <ErrorMessage error={error} />
      <form
        class="card"
        onSubmit={(event) => {
          event.preventDefault();
          signIn(pasted);
        }}
      >
        <label for="token">{t.signIn.token}</label>
        <textarea id="token" rows={4} value={pasted} onInput={(e) => setPasted(e.currentTarget.value)} aria-describedby="token-hint" required />
        <p id="token-hint" class="muted">
          {t.signIn.tokenHint}
        </p>
        <button type="submit">{t.signIn.submit}</button>
      </form>
      {roles && (
        <form class="card" onSubmit={developmentToken} aria-labelledby="dev-title">
          <h2 id="dev-title">{t.signIn.dev}</h2>
          <div class="row">
            <div>
              <label for="dev-role">{t.signIn.role}</label>
              <select id="dev-role" value={role} onChange={(e) => setRole(e.currentTarget.value)}>
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label for="dev-area">{t.signIn.area}</label>
              <input id="dev-area" value={area} onInput={(e) => setArea(e.currentTarget.value)} aria-describedby="dev-area-hint" required />
            </div>
          </div>
          <p id="dev-area-hint" class="muted">
            {t.signIn.areaHint}
          </p>
          <button type="submit">{t.signIn.getToken}</button>
        </form>
      )}
    </main>
  );
}
