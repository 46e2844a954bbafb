namespace ValhallaPack._1;

/// <summary><c>GET /hello</c>. JSON field names are snake_case: the host configures each pack's JSON options.</summary>
public sealed record Greeting(string Message);

/// <summary>The body of <c>POST /notes</c>: <c>{"text": "…"}</c>. Unknown fields are refused by the host.</summary>
public sealed record NewNote(string Text);

/// <summary>A stored note.</summary>
public sealed record Note(long Id, string Text);

/// <summary><c>GET /notes</c>: <c>{"items": [...]}</c>.</summary>
public sealed record NoteList(IReadOnlyList<Note> Items);
