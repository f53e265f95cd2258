from baohao.load.rules import Loaded, staff_card_documents
from baohao.models import DocumentList, StaffCardTemplate
from conftest import ROOT, project_at

from .helpers import data_file, lines

DOCUMENTS = """\
    documents:
      - id: passport
        name: {zh: 护照, en: Passport}
        staff: {ru: Паспорт}
    """
STAFF_CARD = """\
    languages:
      - {id: ru, name: {zh: 俄语, en: Russian}, native_review: false}
      - {id: en, name: {zh: 英语, en: English}, native_review: false}
    sentences:
      - id: greeting
        text: {ru: Здравствуйте, en: Hello}
        meaning: {zh: 你好, en: Hello}
    """


def test_a_document_without_a_name_in_a_staff_card_language_is_reported() -> None:
    documents = data_file(DOCUMENTS, kind="documents", path="data/documents.yml")
    staff_card = data_file(STAFF_CARD, kind="staff_card", path="data/staff_card.yml")
    documents.model = DocumentList.model_validate(documents.located.data)
    staff_card.model = StaffCardTemplate.model_validate(staff_card.located.data)
    loaded = Loaded(vocabulary={"documents": documents, "staff_card": staff_card})
    assert lines(staff_card_documents.check(project_at(ROOT), loaded)) == [
        "data/documents.yml:4:12: documents[0].staff: no name in staff-card language(s) en (see data/staff_card.yml)"
    ]
