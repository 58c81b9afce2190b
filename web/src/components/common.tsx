// Small shared pieces: status badges, honest dates, entity links, loading states, pagers.
import type { ComponentChildren } from "preact";
import type { DateSpan, EntityRef } from "../../../src/api/contract";
import type { Loaded } from "../api";
import { t, tv } from "../i18n";
import { href } from "../router";

export function StatusBadge({ status }: { status: string }) {
  return <span class={`badge status-${status}`} data-status={status}>{tv("status", status)}</span>;
}

export function SourceCount({ n }: { n: number }) {
  return <span class="sources" title={`${n} ${n === 1 ? t("source") : t("sources")}`}>{n} {n === 1 ? t("source") : t("sources")}</span>;
}

/** A date as precise as the source: a month-wide date says "month", never a made-up day. */
export function DateLabel({ date }: { date: DateSpan | null }) {
  if (!date) return <span class="date none">{t("noDate")}</span>;
  const text =
    date.precision === "day" ? date.start
    : date.precision === "month" ? date.start.slice(0, 7)
    : date.precision === "year" ? date.start.slice(0, 4)
    : `${date.start} – ${date.end}`;
  return (
    <span class={`date precision-${date.precision}`} title={date.text ?? ""}>
      {text}
      {date.precision !== "day" && <small class="precision"> ({tv("precision", date.precision)})</small>}
    </span>
  );
}

export function EntityLink({ e }: { e: EntityRef }) {
  return <a class={`entity type-${e.type}`} href={href(["actor", e.id])}>{e.name}</a>;
}

export function EntityList({ list }: { list: EntityRef[] }) {
  return (
    <span class="entity-list">
      {list.map((e, i) => (
        <span key={e.id}>
          {i > 0 && ", "}
          <EntityLink e={e} />
        </span>
      ))}
    </span>
  );
}

export function Show<T>({ v, children }: { v: Loaded<T>; children: (data: T) => ComponentChildren }) {
  if (v.state === "loading") return <p class="loading">{t("loading")}</p>;
  if (v.state === "error") return <p class="error" role="alert">{t("error")}: {v.error.message}</p>;
  return <>{children(v.data)}</>;
}

export function Pager({ offset, limit, total, onGo }: { offset: number; limit: number; total: number; onGo: (offset: number) => void }) {
  if (total <= limit) return null;
  return (
    <nav class="pager">
      <button disabled={offset === 0} onClick={() => onGo(Math.max(0, offset - limit))}>{t("prev")}</button>
      <span>{offset + 1}–{Math.min(total, offset + limit)} {t("of")} {total}</span>
      <button disabled={offset + limit >= total} onClick={() => onGo(offset + limit)}>{t("next")}</button>
    </nav>
  );
}

export function day(iso: string | null): string {
  return iso ? iso.slice(0, 10) : "—";
}
