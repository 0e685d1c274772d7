"""What the evidence says: every treatment in this guide against the UK guidelines."""

import streamlit as st

from backknee.content.pages.evidence import EvidencePage
from backknee.ui import chrome
from backknee.ui.content import get_content
from backknee.words.evidence import legend, markdown_table, rows

content = get_content()
page = content.page("evidence", EvidencePage)

st.title(page.heading)
st.markdown(page.intro)
chrome.sources(page.sources_label, content.cite(page.references))
recommended, other = rows(
    content.tips.values(), page.grades, page.recommendation, page.summary_note, page.not_for_joint
)
sources = {
    tip.id: chrome.sources_line(page.sources_label, content.cite(tip.references))
    for tip in content.tips.values()
}
# Each heading with its table as one element: every element costs time on each rerun.
st.markdown(
    f"## {page.legend_heading}\n\n"
    + legend(page.grades, page.legend, page.summary_note, page.summary_legend)
    + f"\n\n## {page.recommended_heading}\n\n:small[{page.table_caption}]\n\n"
    + markdown_table(recommended, page.columns, page.differ_label, sources)
)
st.markdown(
    f"## {page.other_heading}\n\n{page.other_intro}\n\n"
    + markdown_table(other, page.columns, page.differ_label, sources)
)
