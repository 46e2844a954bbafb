using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Valhalla.Contracts;

namespace ValhallaPack._1;

/// <summary>The pack's routes, relative to its route_prefix.</summary>
public static class PackApi
{
    public static IEndpointRouteBuilder MapPackApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/hello", Hello)
            .WithName("ValhallaPack.1.Hello").WithSummary("Says hello, with the pack's name.");
        routes.MapPost("/notes", AddNote)
            .WithName("ValhallaPack.1.AddNote").WithSummary("Stores a note.").ProducesValidationProblem();
        routes.MapGet("/notes", ListNotes)
            .WithName("ValhallaPack.1.ListNotes").WithSummary("Every note, oldest first.");
        return routes;
    }

    private static Ok<Greeting> Hello(IPackContext pack) => TypedResults.Ok(new Greeting($"Hello from {pack.Manifest.Name}"));

    // A broken rule is thrown as a PackProblemException; the host answers a problem naming the field.
    private static async Task<Created<Note>> AddNote(NewNote input, NoteStore store, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.Text))
        {
            throw PackProblemException.BadField("text", "must not be empty.");
        }

        return TypedResults.Created((string?)null, await store.AddAsync(input.Text, ct));
    }

    private static async Task<Ok<NoteList>> ListNotes(NoteStore store, CancellationToken ct) =>
        TypedResults.Ok(new NoteList(await store.ListAsync(ct)));
}
