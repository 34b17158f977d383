"""The integrator's journey through the Python client generated from openapi/openapi.json
(openapi-python-client): register -> activate -> login -> request -> agent accepts ->
a proof of address uploaded (multipart) and validated -> logout. Driven by tests/api/clients.rs, which starts the portal and answers the lines
this script prints:

    NEED activation <email>   -> one line back: the token of the activation link mailed

Environment: GUICHET_URL, GUICHET_CLIENT_DIR (the generated package's parent folder),
GUICHET_AGENT_LOGIN, GUICHET_PASSWORD. Exits non-zero, with the reason, on any surprise.
"""

import datetime
import hashlib
import io
import os
import sys

sys.path.insert(0, os.environ["GUICHET_CLIENT_DIR"])

from guichet_client import AuthenticatedClient, Client  # noqa: E402
from guichet_client.api.accounts import activate_account, register  # noqa: E402
from guichet_client.api.agent import (  # noqa: E402
    agent_accept_request,
    agent_take_request,
    agent_validate_document,
)
from guichet_client.api.documents import list_documents, upload_document  # noqa: E402
from guichet_client.api.auth import get_me, login, logout  # noqa: E402
from guichet_client.api.captcha import create_pow_captcha  # noqa: E402
from guichet_client.api.requests import (  # noqa: E402
    create_request,
    get_request,
    submit_request,
)
from guichet_client.models import (  # noqa: E402
    Acceptance,
    ActivationRequest,
    CaptchaAnswer,
    Civility,
    Document,
    DocumentStatus,
    LoginRequest,
    Problem,
    RegistrationAccepted,
    RegistrationRequest,
    RequestDetail,
    RequestInput,
    RequestInputAnswers,
    RequestStatus,
    Session,
    UploadBody,
    Validation,
)
from guichet_client.types import File  # noqa: E402

URL = os.environ["GUICHET_URL"]
PASSWORD = os.environ["GUICHET_PASSWORD"]
EMAIL = "lea.martin@example.org"


def expect(value, kind, step):
    if not isinstance(value, kind):
        sys.exit(f"{step}: expected {kind.__name__}, got {value!r}")
    return value


def need(what, arg):
    print(f"NEED {what} {arg}", flush=True)
    return sys.stdin.readline().strip()


def solve(pow_captcha):
    for n in range(pow_captcha.max_number + 1):
        digest = hashlib.sha256(f"{pow_captcha.salt}{n}".encode()).hexdigest()
        if digest == pow_captcha.challenge:
            return CaptchaAnswer(id=pow_captcha.id, answer=str(n))
    sys.exit("the proof of work has no solution")


def signed_in(client, login_name):
    session = expect(
        login.sync(client=client, body=LoginRequest(login=login_name, password=PASSWORD)),
        Session,
        f"login {login_name}",
    )
    return AuthenticatedClient(base_url=URL, token=session.access_token)


def main():
    anonymous = Client(base_url=URL, raise_on_unexpected_status=True)
    captcha = solve(create_pow_captcha.sync(client=anonymous))
    accepted = register.sync(
        client=anonymous,
        body=RegistrationRequest(
            civility=Civility.MADAME,
            birth_name="Martin",
            first_name="Léa",
            birth_date=datetime.date(1987, 3, 14),
            birth_country="France",
            birth_city="Valenciennes",
            birth_department="59",
            email=EMAIL,
            terms_accepted=True,
            privacy_consent=True,
            captcha=captcha,
        ),
    )
    expect(accepted, RegistrationAccepted, "register")

    token = need("activation", EMAIL)
    session = activate_account.sync(
        token=token,
        client=anonymous,
        body=ActivationRequest(
            login="lea.martin", password=PASSWORD, password_confirmation=PASSWORD
        ),
    )
    expect(session, Session, "activate")

    citizen = signed_in(anonymous, "lea.martin")
    in_two_months = (datetime.date.today() + datetime.timedelta(days=60)).isoformat()
    answers = RequestInputAnswers.from_dict(
        {"event_date": in_two_months, "event_type": "mariage", "guests": 60}
    )
    draft = create_request.sync(
        client=citizen,
        body=RequestInput(procedure="location-salle-des-fetes", answers=answers),
    )
    draft = expect(draft, RequestDetail, "create the request")
    request_id = draft.request.id
    sent = expect(submit_request.sync(request_id, client=citizen), RequestDetail, "submit")
    if sent.request.status != RequestStatus.SUBMITTED:
        sys.exit(f"submitted request is {sent.request.status}")

    agent = signed_in(anonymous, os.environ["GUICHET_AGENT_LOGIN"])
    expect(agent_take_request.sync(request_id, client=agent), RequestDetail, "take")
    done = agent_accept_request.sync(
        request_id, client=agent, body=Acceptance(comment="Salle réservée.")
    )
    expect(done, RequestDetail, "accept")

    mine = expect(get_request.sync(request_id, client=citizen), RequestDetail, "read back")
    if mine.request.status != RequestStatus.CLOSED:
        sys.exit(f"accepted request is {mine.request.status}")

    # A proof of address, sent as a multipart form, then validated by the agent.
    scan = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
    sent = upload_document.sync(
        client=citizen,
        body=UploadBody(
            file=File(payload=io.BytesIO(scan), file_name="facture.pdf", mime_type="application/pdf")
        ),
        document_type="justificatif-domicile",
    )
    sent = expect(sent, Document, "upload the proof of address")
    if sent.status != DocumentStatus.PENDING or sent.size_bytes != len(scan):
        sys.exit(f"uploaded: {sent!r}")
    valid = agent_validate_document.sync(sent.id, client=agent, body=Validation())
    expect(valid, Document, "validate")
    library = list_documents.sync(client=citizen)
    if not library or library[0].status != DocumentStatus.VALID:
        sys.exit(f"library: {library!r}")

    logout.sync_detailed(client=citizen)
    after = get_me.sync(client=citizen)
    problem = expect(after, Problem, "me after logout")
    if problem.status != 401:
        sys.exit(f"after logout: {problem.status}")
    print("DONE", flush=True)


main()
