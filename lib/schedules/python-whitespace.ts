// cronsim and oncalendar tokenise with Python's str.split()/str.strip(), whose
// notion of whitespace differs from JavaScript's \s (it includes \x1c-\x1f and
// \x85 but not \ufeff). Matching it keeps "valid here" equal to "valid in
// Healthchecks" for odd inputs pasted from other tools.
export const pythonWhitespace =
  "\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
