namespace Valhalla.Samples.Reminders;

/// <summary>The body of <c>POST /core/reminders</c>: <c>{"title": "…", "due": "YYYY-MM-DD"}</c>.</summary>
/// <remarks><see cref="Due"/> is text so that a malformed date is this pack's 400 naming <c>due</c>.</remarks>
public sealed record NewReminder(string Title, string Due);

/// <summary>A reminder on the wire: <c>id</c>, <c>title</c>, <c>due</c>, <c>created_at</c>.</summary>
public sealed record Reminder(long Id, string Title, DateOnly Due, DateTimeOffset CreatedAt);

/// <summary><c>GET /core/reminders</c>: <c>{"items": [...]}</c>.</summary>
public sealed record ReminderList(IReadOnlyList<Reminder> Items);
