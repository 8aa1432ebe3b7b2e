// The explorer's own page and script (decision 0083): GraphiQL from its prebuilt browser file, with a
// field for the bearer token above it. Everything loads from the gateway itself, so it works on a
// network without internet; the script is a file rather than inline so the page's CSP can forbid
// inline scripts.
export const EXPLORER_BASE = "/explorer";

const DEFAULT_QUERY = `# Paste a bearer token above (npm run token -- --role ANALYST --area VN), then run the query.
{
  area(code: "VN") {
    name
    children {
      code
      name
    }
  }
}
`;

export function explorerHtml(endpoint: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Gender-equality statistics API: explorer</title>
<link rel="stylesheet" href="${EXPLORER_BASE}/graphiql.min.css">
<link rel="stylesheet" href="${EXPLORER_BASE}/explorer.css">
</head>
<body>
<header class="explorer-bar">
  <label for="explorer-token">Bearer token</label>
  <input id="explorer-token" type="password" autocomplete="off" spellcheck="false" placeholder="eyJ... (kept in this tab only)">
  <span class="explorer-endpoint">${endpoint}</span>
</header>
<main id="explorer" data-endpoint="${endpoint}">Loading the explorer...</main>
<script src="${EXPLORER_BASE}/react.production.min.js"></script>
<script src="${EXPLORER_BASE}/react-dom.production.min.js"></script>
<script src="${EXPLORER_BASE}/graphiql.min.js"></script>
<script src="${EXPLORER_BASE}/explorer.js"></script>
</body>
</html>
`;
}

export const EXPLORER_CSS = `html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
.explorer-bar { display: flex; align-items: center; gap: 0.5rem; padding: 0.4rem 0.75rem; border-bottom: 1px solid #ddd; font-size: 14px; }
.explorer-bar input { flex: 1; max-width: 40rem; font-family: monospace; padding: 0.2rem 0.4rem; }
.explorer-endpoint { color: #666; font-family: monospace; }
#explorer { flex: 1; min-height: 0; }
`;

// The token lives in sessionStorage (this tab only); a new token re-renders GraphiQL with a new
// fetcher, which reloads the schema the caller may see.
export const EXPLORER_SCRIPT = `(function () {
  "use strict";
  var STORAGE_KEY = "vnge.explorer.token";
  var container = document.getElementById("explorer");
  var endpoint = container.getAttribute("data-endpoint");
  var input = document.getElementById("explorer-token");
  var defaultQuery = ${JSON.stringify(DEFAULT_QUERY)};
  input.value = sessionStorage.getItem(STORAGE_KEY) || "";

  function fetcherFor(token) {
    return function (params, options) {
      var headers = { "content-type": "application/json", accept: "application/graphql-response+json, application/json" };
      if (token) headers.authorization = "Bearer " + token;
      var extra = (options && options.headers) || {};
      Object.keys(extra).forEach(function (name) { headers[name.toLowerCase()] = extra[name]; });
      return fetch(endpoint, { method: "POST", headers: headers, body: JSON.stringify(params) }).then(function (response) {
        return response.json();
      });
    };
  }

  var root = ReactDOM.createRoot(container);
  function render() {
    var token = input.value.trim().replace(/^Bearer\\s+/i, "");
    root.render(React.createElement(GraphiQL, { fetcher: fetcherFor(token), defaultQuery: defaultQuery, shouldPersistHeaders: false }));
  }
  input.addEventListener("change", function () {
    sessionStorage.setItem(STORAGE_KEY, input.value.trim());
    render();
  });
  render();
})();
`;
