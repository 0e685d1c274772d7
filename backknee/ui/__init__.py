"""The only part of backknee that imports streamlit: cached loading and shared widgets."""
