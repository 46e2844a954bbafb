using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Valhalla.Contracts;

namespace Valhalla.Samples.Reminders;

/// <summary>The pack's routes, relative to its prefix <c>/core/reminders</c>.</summary>
public static class RemindersApi
{
    /// <summary>The longest title a reminder may have, in characters.</summary>
    public const int MaxTitleLength = 200;

    public static IEndpointRouteBuilder MapRemindersApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("", CreateReminder)
            .WithName("CreateReminder").WithSummary("Adds a reminder: a title and the day it is due (YYYY-MM-DD).")
            .ProducesValidationProblem();
        routes.MapGet("", ListReminders)
            .WithName("ListReminders").WithSummary("Every reminder, soonest first; ?due_before=YYYY-MM-DD keeps those due before that day.")
            .ProducesValidationProblem();
        return routes;
    }

    // A rule broken is a PackProblemException: the host answers it with a problem naming the fields.
    private static async Task<Created<Reminder>> CreateReminder(NewReminder input, ReminderStore store, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > MaxTitleLength)
        {
            errors["title"] = $"must have 1 to {MaxTitleLength} characters and not only spaces; it has {input.Title.Length}.";
        }

        if (!TryParseDate(input.Due, out var due))
        {
            errors["due"] = $"'{input.Due}' is not a date; use YYYY-MM-DD, e.g. 2026-12-24.";
        }

        if (errors.Count > 0)
        {
            throw PackProblemException.BadFields(errors);
        }

        var reminder = await store.AddAsync(input.Title, due, Now(time), ct);
        return TypedResults.Created((string?)null, reminder);
    }

    private static async Task<Ok<ReminderList>> ListReminders(
        ReminderStore store, [FromQuery(Name = "due_before")] string? dueBefore, CancellationToken ct)
    {
        DateOnly? before = null;
        if (dueBefore is not null)
        {
            if (!TryParseDate(dueBefore, out var parsed))
            {
                throw PackProblemException.BadField("due_before", $"'{dueBefore}' is not a date; use YYYY-MM-DD, e.g. 2026-12-24.");
            }

            before = parsed;
        }

        return TypedResults.Ok(new ReminderList(await store.ListAsync(before, ct)));
    }

    private static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Now from the host's clock, to the millisecond that is stored, so what is returned is what is read back.</summary>
    private static DateTimeOffset Now(TimeProvider time)
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
