// The integrator's journey through a TypeScript client generated from
// openapi/openapi.json (openapi-typescript types + openapi-fetch), type-checked with
// `tsc --strict`: register -> activate -> login -> request -> agent accepts -> a proof of
// address uploaded (multipart) and validated -> logout.
// Driven by tests/api/clients.rs, which answers the lines this script prints:
//   NEED activation <email>   -> one line back: the token of the mailed activation link
// Environment: GUICHET_URL, GUICHET_AGENT_LOGIN, GUICHET_PASSWORD.

import { createHash } from "node:crypto";
import { createInterface } from "node:readline";
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/schema.js";

type Session = components["schemas"]["Session"];

const url = process.env.GUICHET_URL ?? fail("GUICHET_URL is not set");
const password = process.env.GUICHET_PASSWORD ?? fail("GUICHET_PASSWORD is not set");
const agentLogin = process.env.GUICHET_AGENT_LOGIN ?? fail("GUICHET_AGENT_LOGIN is not set");
const email = "hugo.petit@example.org";

function fail(reason: string): never {
  console.error(reason);
  process.exit(1);
}

const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();

async function need(what: string, arg: string): Promise<string> {
  console.log(`NEED ${what} ${arg}`);
  const answer = await lines.next();
  return answer.done ? fail(`no ${what} given`) : answer.value.trim();
}

const api = createClient<paths>({ baseUrl: url });

function bearer(session: Session) {
  return { headers: { Authorization: `Bearer ${session.access_token}` } };
}

async function logIn(login: string): Promise<Session> {
  const { data, error } = await api.POST("/api/auth/login", { body: { login, password } });
  return data ?? fail(`login ${login}: ${JSON.stringify(error)}`);
}

async function main(): Promise<void> {
  const pow = (await api.POST("/api/captchas/pow")).data ?? fail("no captcha");
  let answer = -1;
  for (let n = 0; n <= pow.max_number && answer < 0; n++) {
    const digest = createHash("sha256").update(`${pow.salt}${n}`).digest("hex");
    if (digest === pow.challenge) answer = n;
  }
  const registered = await api.POST("/api/registrations", {
    body: {
      civility: "monsieur",
      birth_name: "Petit",
      first_name: "Hugo",
      birth_date: "1990-09-21",
      birth_country: "France",
      birth_city: "Lille",
      birth_department: "59",
      email,
      terms_accepted: true,
      privacy_consent: true,
      captcha: { id: pow.id, answer: String(answer) },
    },
  });
  if (registered.response.status !== 202) fail(`register: ${JSON.stringify(registered.error)}`);

  const token = await need("activation", email);
  const activated = await api.POST("/api/activations/{token}", {
    params: { path: { token } },
    body: { login: "hugo.petit", password, password_confirmation: password },
  });
  activated.data ?? fail(`activate: ${JSON.stringify(activated.error)}`);

  const citizen = await logIn("hugo.petit");
  const inTwoMonths = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  const draft = await api.POST("/api/requests", {
    ...bearer(citizen),
    body: {
      procedure: "location-salle-des-fetes",
      answers: { event_date: inTwoMonths, event_type: "anniversaire", guests: 30 },
    },
  });
  const id = draft.data?.request.id ?? fail(`create: ${JSON.stringify(draft.error)}`);
  const sent = await api.POST("/api/requests/{id}/submit", {
    ...bearer(citizen),
    params: { path: { id } },
  });
  if (sent.data?.request.status !== "submitted") fail(`submit: ${JSON.stringify(sent.error)}`);

  const agent = await logIn(agentLogin);
  const taken = await api.POST("/api/agent/requests/{id}/take", {
    ...bearer(agent),
    params: { path: { id } },
  });
  taken.data ?? fail(`take: ${JSON.stringify(taken.error)}`);
  const accepted = await api.POST("/api/agent/requests/{id}/accept", {
    ...bearer(agent),
    params: { path: { id } },
    body: { comment: "Salle réservée." },
  });
  accepted.data ?? fail(`accept: ${JSON.stringify(accepted.error)}`);

  const mine = await api.GET("/api/requests/{id}", { ...bearer(citizen), params: { path: { id } } });
  if (mine.data?.request.status !== "closed") fail(`read back: ${JSON.stringify(mine.data)}`);

  // A proof of address, sent as a multipart form, then validated by the agent.
  const scan = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n";
  const uploaded = await api.POST("/api/me/documents", {
    ...bearer(citizen),
    params: { query: { document_type: "justificatif-domicile" } },
    body: { file: scan },
    bodySerializer(body) {
      const form = new FormData();
      form.append("file", new Blob([body.file], { type: "application/pdf" }), "facture.pdf");
      return form;
    },
  });
  const doc = uploaded.data ?? fail(`upload: ${JSON.stringify(uploaded.error)}`);
  if (doc.status !== "pending" || doc.size_bytes !== scan.length) fail(`uploaded: ${JSON.stringify(doc)}`);
  const validated = await api.POST("/api/agent/documents/{id}/validate", {
    ...bearer(agent),
    params: { path: { id: doc.id } },
    body: {},
  });
  if (validated.data?.status !== "valid") fail(`validate: ${JSON.stringify(validated.error)}`);
  const library = await api.GET("/api/me/documents", bearer(citizen));
  if (library.data?.[0]?.status !== "valid") fail(`library: ${JSON.stringify(library.data)}`);

  const out = await api.POST("/api/auth/logout", bearer(citizen));
  if (out.response.status !== 204) fail(`logout: ${out.response.status}`);
  const after = await api.GET("/api/me", bearer(citizen));
  if (after.error?.code !== "unauthenticated") fail(`after logout: ${JSON.stringify(after)}`);
  console.log("DONE");
  process.exit(0);
}

main().catch((e: unknown) => fail(String(e)));
