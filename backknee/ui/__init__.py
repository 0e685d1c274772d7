"""The only part of backknee that imports streamlit: one view per page, the chrome they share,
cached loading, and the session's keys (state.py)."""
