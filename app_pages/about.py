"""About and sources: who made the guide, what it is not, every reference, and review dates."""

from datetime import date

import streamlit as st

from backknee.content.pages.about import AboutPage
from backknee.ui import chrome
from backknee.ui.content import get_content

content = get_content()
page = content.page("about", AboutPage)

st.title(page.heading)
st.markdown(page.intro)
# Each heading and its text as one element: every element costs time on each rerun.
for section in page.sections:
    st.markdown(f"## {section.heading}\n\n{section.body}")

st.markdown(
    f"## {page.terms_heading}\n\n{page.terms_intro}\n\n"
    + "\n".join(f"- **{term.term}**: {term.plain}" for term in content.terms.terms)
    + f"\n\n## {page.references_heading}\n\n{page.references_intro}\n\n"
    + (f"{content.site.kiosk.sources_as_text}\n\n" if chrome.kiosk_mode() else "")
    + chrome.reference_lines(content.references.values())
)
st.markdown(
    f"## {page.reviews_heading}\n\n{page.reviews_intro}\n\n"
    + chrome.review_lines(content.reviews, page, date.today())
)

chrome.clinic_contact(content)
