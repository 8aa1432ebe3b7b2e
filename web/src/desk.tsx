// The statistics office's desk: upload a values file (checked first, then imported), who has reported a data set,
// moving it along the approval chain, and the yearly report as a file.
import { useState } from "preact/hooks";
import { type Claims, type ImportSummary, type SentQuery, type Variables, download, graphql, uploadValues, useQuery } from "./api";
import { useLabels } from "./i18n";
import { ErrorMessage, Section, ShowGraphQL } from "./ui";

const DATA_SETS = `query DeskDataSets { dataSets { code name nameVi collectionLevel } }`;

const STATUS = `query DeskReportingStatus($dataSetCode: ID!, $period: String!, $parentCode: ID!, $level: AreaLevel!) {
  reportingStatus(dataSetCode: $dataSetCode, period: $period, parentCode: $parentCode, level: $level) {
    deadline asOf expected received onTime late missing
    areas { areaCode areaName approvalState received reportedAt reportedBy deadline timeliness }
  }
}`;

const APPROVAL = `query DeskApproval($dataSetCode: ID!, $areaCode: ID!, $period: String!) {
  dataApproval(dataSetCode: $dataSetCode, areaCode: $areaCode, period: $period) {
    state lockedBy events { action fromState toState actor reason at }
  }
}`;

const MOVES = {
  submit: `mutation DeskSubmit($dataSetCode: ID!, $areaCode: ID!, $period: String!) {
  submitDataSet(dataSetCode: $dataSetCode, areaCode: $areaCode, period: $period) { state }
}`,
  approve: `mutation DeskApprove($dataSetCode: ID!, $areaCode: ID!, $period: String!) {
  approveDataSet(dataSetCode: $dataSetCode, areaCode: $areaCode, period: $period) { state }
}`,
  return: `mutation DeskReturn($dataSetCode: ID!, $areaCode: ID!, $period: String!, $reason: String!) {
  returnDataSet(dataSetCode: $dataSetCode, areaCode: $areaCode, period: $period, reason: $reason) { state }
}`,
};

interface AreaReport {
  areaCode: string;
  areaName: string;
  approvalState: string;
  received: boolean;
  reportedAt: string | null;
  reportedBy: string | null;
  deadline: string | null;
  timeliness: string;
}
interface ReportingStatus {
  deadline: string | null;
  expected: number;
  received: number;
  onTime: number;
  late: number;
  missing: number;
  areas: AreaReport[];
}
interface Approval {
  state: string;
  lockedBy: string | null;
  events: { action: string; fromState: string; toState: string; actor: string; reason: string | null; at: string }[];
}

const LEVELS = ["PROVINCE", "DISTRICT", "COMMUNE"];
/** The communes' yearly gender statistics: the data set most offices report. */
const DEFAULT_DATA_SET = "ANNUAL_GENDER_COMMUNE";

export function Desk({ claims }: { claims: Claims }) {
  const { t } = useLabels();
  const home = claims.areas[0] ?? "VN";
  const [dataSetCode, setDataSetCode] = useState<string | null>(null);
  const [period, setPeriod] = useState(String(new Date().getFullYear() - 1));
  const [parentCode, setParentCode] = useState(home);
  const [level, setLevel] = useState(home === "VN" ? "PROVINCE" : "COMMUNE");
  const [asked, setAsked] = useState<Variables | null>(null);
  const [version, setVersion] = useState(0);
  const [areaCode, setAreaCode] = useState(home);

  const sets = useQuery<{ dataSets: { code: string; name: string; nameVi: string; collectionLevel: string }[] }>(DATA_SETS, {});
  const set = dataSetCode ?? (sets.data?.dataSets.find((s) => s.code === DEFAULT_DATA_SET) ?? sets.data?.dataSets[0])?.code ?? null;
  const status = useQuery<{ reportingStatus: ReportingStatus }>(asked ? STATUS : null, asked ?? {}, version);
  const approval = useQuery<{ dataApproval: Approval }>(set ? APPROVAL : null, { dataSetCode: set, areaCode, period }, version);
  const { lang } = useLabels();

  return (
    <main id="main">
      <h1>{t.desk.heading}</h1>
      <Upload />

      <Section title={t.desk.status} id="status">
        <form
          class="controls"
          onSubmit={(e) => {
            e.preventDefault();
            if (set) setAsked({ dataSetCode: set, period, parentCode: parentCode.trim(), level });
          }}
        >
          <div>
            <label for="data-set">{t.desk.dataSet}</label>
            <select id="data-set" value={set ?? ""} onChange={(e) => setDataSetCode(e.currentTarget.value)}>
              {(sets.data?.dataSets ?? []).map((s) => (
                <option key={s.code} value={s.code}>
                  {lang === "vi" ? s.nameVi : s.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="period">{t.desk.period}</label>
            <input id="period" value={period} onInput={(e) => setPeriod(e.currentTarget.value)} inputMode="numeric" size={8} required />
          </div>
          <div>
            <label for="parent">{t.desk.parent}</label>
            <input id="parent" value={parentCode} onInput={(e) => setParentCode(e.currentTarget.value)} size={8} required />
          </div>
          <div>
            <label for="level">{t.desk.level}</label>
            <select id="level" value={level} onChange={(e) => setLevel(e.currentTarget.value)}>
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t.levels[l]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t.desk.show}</button>
        </form>
        <ErrorMessage error={sets.error ?? status.error} />
        {status.data && <StatusTable status={status.data.reportingStatus} onSelect={setAreaCode} />}
        <ShowGraphQL sent={[sets.sent, status.sent]} />
      </Section>

      <ApprovalForm
        dataSetCode={set}
        period={period}
        areaCode={areaCode}
        setAreaCode={setAreaCode}
        approval={approval.data?.dataApproval}
        sent={approval.sent}
        error={approval.error}
        onMoved={() => setVersion((v) => v + 1)}
      />
      <YearlyReport home={home} />
    </main>
  );
}

function when(iso: string | null, lang: string): string {
  return iso ? new Date(iso).toLocaleString(lang === "vi" ? "vi-VN" : "en-GB", { timeZone: "Asia/Ho_Chi_Minh", dateStyle: "short", timeStyle: "short" }) : "–";
}

/** A deadline is the end of its day (Vietnam time): shown as that day. */
function day(iso: string | null, lang: string): string {
  return iso ? new Date(Date.parse(iso) - 1).toLocaleDateString(lang === "vi" ? "vi-VN" : "en-GB", { timeZone: "Asia/Ho_Chi_Minh" }) : "–";
}

function StatusTable({ status, onSelect }: { status: ReportingStatus; onSelect: (code: string) => void }) {
  const { t, lang } = useLabels();
  return (
    <>
      <p>
        {t.desk.deadline}: <strong>{day(status.deadline, lang)}</strong> · {t.desk.expected}: {status.expected} · {t.desk.received}: {status.received} ·{" "}
        {t.desk.onTime}: {status.onTime} · {t.desk.late}: {status.late} · {t.desk.missing}: {status.missing}
      </p>
      <div class="scroll">
        <table id="status-table">
          <caption>{t.desk.status}</caption>
          <thead>
            <tr>
              <th scope="col">{t.desk.areaCode}</th>
              <th scope="col">{t.dashboard.area}</th>
              <th scope="col">{t.desk.state}</th>
              <th scope="col">{t.desk.reportedBy}</th>
              <th scope="col">{t.desk.reportedAt}</th>
              <th scope="col">{t.desk.deadline}</th>
              <th scope="col">{t.desk.timeliness}</th>
              <th scope="col" class="noprint">
                <span class="visually-hidden">{t.desk.select}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {status.areas.map((a) => (
              <tr key={a.areaCode}>
                <td>{a.areaCode}</td>
                <th scope="row">{a.areaName}</th>
                <td>{t.states[a.approvalState] ?? a.approvalState}</td>
                <td>{a.reportedBy ?? "–"}</td>
                <td>{when(a.reportedAt, lang)}</td>
                <td>{day(a.deadline, lang)}</td>
                <td>
                  <span class={`status time-${a.timeliness}`}>{t.timeliness[a.timeliness] ?? a.timeliness}</span>
                </td>
                <td class="noprint">
                  <button type="button" class="link" onClick={() => onSelect(a.areaCode)}>
                    {t.desk.select}
                    <span class="visually-hidden"> {a.areaName}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Upload() {
  const { t } = useLabels();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setProgress(0);
    const answer = await uploadValues(file, dryRun, setProgress);
    setBusy(false);
    setSummary(answer.summary ?? null);
    setError(answer.error ?? null);
    setChecked(dryRun && answer.status === 200);
  };

  const lines = summary
    ? [...summary.conflicts.map((c) => ({ ...c, kind: "error" as const })), ...summary.warnings.map((w) => ({ ...w, kind: "warning" as const }))].sort(
        (a, b) => a.line - b.line,
      )
    : [];
  const outcome = !summary ? null : summary.rejected > 0 ? t.desk.refused : summary.written ? t.desk.imported : t.desk.checked;

  return (
    <Section title={t.desk.upload} id="upload">
      <form
        class="controls"
        onSubmit={(e) => {
          e.preventDefault();
          send(true);
        }}
      >
        <div>
          <label for="values-file">{t.desk.file}</label>
          <input
            id="values-file"
            type="file"
            accept=".csv,.tsv,.txt,.jsonl,text/csv"
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              setSummary(null);
              setChecked(false);
            }}
          />
        </div>
        <button type="submit" disabled={!file || busy}>
          {t.desk.check}
        </button>
        <button type="button" disabled={!file || busy || !checked} onClick={() => send(false)}>
          {t.desk.import}
        </button>
      </form>
      {progress !== null && (
        <p>
          <label for="upload-progress">{t.desk.progress}</label>{" "}
          <progress id="upload-progress" max={1} value={progress}>
            {Math.round(progress * 100)} %
          </progress>
        </p>
      )}
      <ErrorMessage error={error} />
      {summary && (
        <div id="upload-report" aria-live="polite">
          <p class={summary.rejected > 0 ? "error" : "ok"} id="upload-outcome">
            {outcome}
          </p>
          <p>
            {t.desk.rows}: {summary.rows} · {t.desk.new}: {summary.imported} · {t.desk.updated}: {summary.updated} · {t.desk.unchanged}: {summary.unchanged} ·{" "}
            {t.desk.rejected}: {summary.rejected}
          </p>
          {lines.length > 0 && (
            <div class="scroll">
              <table id="upload-lines">
                <caption>{t.desk.upload}</caption>
                <thead>
                  <tr>
                    <th scope="col" class="num">
                      {t.desk.line}
                    </th>
                    <th scope="col">{t.desk.kind}</th>
                    <th scope="col">{t.desk.field}</th>
                    <th scope="col">{t.desk.message}</th>
                  </tr>
                </thead>
                <tbody>
                  {lines.map((l) => (
                    <tr key={`${l.kind}-${l.line}-${l.field}-${l.message}`} data-line={l.line}>
                      <td class="num">{l.line}</td>
                      <td>{l.kind === "error" ? t.desk.error : t.desk.warning}</td>
                      <td>{l.field ?? "–"}</td>
                      <td>{l.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </Section>
  );
}

function ApprovalForm(props: {
  dataSetCode: string | null;
  period: string;
  areaCode: string;
  setAreaCode: (code: string) => void;
  approval?: Approval;
  sent: SentQuery | null;
  error?: string;
  onMoved: () => void;
}) {
  const { t, lang } = useLabels();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [lastMove, setLastMove] = useState<SentQuery | null>(null);

  const move = async (kind: keyof typeof MOVES) => {
    setError(null);
    if (!props.dataSetCode) return;
    if (kind === "return" && reason.trim() === "") return setError(t.desk.reasonNeeded);
    const variables: Variables = {
      dataSetCode: props.dataSetCode,
      areaCode: props.areaCode.trim(),
      period: props.period,
      ...(kind === "return" ? { reason: reason.trim() } : {}),
    };
    setLastMove({ query: MOVES[kind], variables });
    try {
      await graphql(MOVES[kind], variables);
      setReason("");
      props.onMoved();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Section title={t.desk.approval} id="approval">
      <form class="controls" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label for="approval-area">{t.desk.areaCode}</label>
          <input id="approval-area" value={props.areaCode} onInput={(e) => props.setAreaCode(e.currentTarget.value)} size={8} />
        </div>
        <div class="grow">
          <label for="reason">{t.desk.reason}</label>
          <input id="reason" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        </div>
        <button type="button" onClick={() => move("submit")}>
          {t.desk.submit}
        </button>
        <button type="button" onClick={() => move("approve")}>
          {t.desk.approve}
        </button>
        <button type="button" class="secondary" onClick={() => move("return")}>
          {t.desk.return}
        </button>
      </form>
      <ErrorMessage error={error ?? props.error} />
      {props.approval && (
        <>
          <p>
            {t.desk.state}: <strong id="approval-state">{t.states[props.approval.state] ?? props.approval.state}</strong>
            {props.approval.lockedBy ? ` (${props.approval.lockedBy})` : ""}
          </p>
          {props.approval.events.length > 0 && (
            <div class="scroll">
              <table>
                <caption>{t.desk.history}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.desk.at}</th>
                    <th scope="col">{t.desk.action}</th>
                    <th scope="col">{t.desk.actor}</th>
                    <th scope="col">{t.desk.reason}</th>
                  </tr>
                </thead>
                <tbody>
                  {props.approval.events.map((e) => (
                    <tr key={`${e.at}-${e.action}`}>
                      <td>{when(e.at, lang)}</td>
                      <td>
                        {t.actions[e.action] ?? e.action}: {t.states[e.fromState]} → {t.states[e.toState]}
                      </td>
                      <td>{e.actor}</td>
                      <td>{e.reason ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      <ShowGraphQL sent={[props.sent, lastMove]} />
    </Section>
  );
}

function YearlyReport({ home }: { home: string }) {
  const { t, lang } = useLabels();
  const [area, setArea] = useState(home);
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const [format, setFormat] = useState("xlsx");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  return (
    <Section title={t.desk.report} id="report">
      <form
        class="controls"
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          setDone(false);
          const query = new URLSearchParams({ area: area.trim(), year, format, lang });
          try {
            await download(`/reports/yearly?${query}`, `report-${area}-${year}.${format}`);
            setDone(true);
          } catch (err) {
            setError((err as Error).message);
          }
        }}
      >
        <div>
          <label for="report-area">{t.desk.areaCode}</label>
          <input id="report-area" value={area} onInput={(e) => setArea(e.currentTarget.value)} size={8} required />
        </div>
        <div>
          <label for="report-year">{t.dashboard.year}</label>
          <input id="report-year" value={year} onInput={(e) => setYear(e.currentTarget.value)} inputMode="numeric" size={6} required />
        </div>
        <div>
          <label for="report-format">{t.desk.format}</label>
          <select id="report-format" value={format} onChange={(e) => setFormat(e.currentTarget.value)}>
            <option value="xlsx">Excel (xlsx)</option>
            <option value="docx">Word (docx)</option>
          </select>
        </div>
        <button type="submit">{t.desk.downloadReport}</button>
      </form>
      <ErrorMessage error={error} />
      {done && <p class="ok">{t.desk.downloaded}</p>}
    </Section>
  );
}
