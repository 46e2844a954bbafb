using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Valhalla.Contracts;
using Valhalla.Contracts.Access;
using Valhalla.Contracts.Stores;

namespace Valhalla.Fixtures.Packs;

/// <summary>A small working pack: one table, a route that writes and one that reads, and one that says who called.</summary>
public sealed class GoodPack : IPack
{
    public void ConfigureServices(IServiceCollection services, IPackContext context)
    {
    }

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/ping", () => TypedResults.Ok(new Pong("pong")));
        routes.MapGet("/whoami", (HttpContext http) => TypedResults.Ok(http.GetCaller()));
        routes.MapPost("/notes", async (NoteInput input, IPackDatabase db, CancellationToken ct) =>
        {
            var id = await db.WriteAsync((c, tx, t) => Insert(c, tx, input.Text, t), ct);
            return TypedResults.Created($"notes/{id}", new Note(id, input.Text));
        });
        routes.MapGet("/notes", async (IPackDatabase db, CancellationToken ct) =>
            TypedResults.Ok(await db.ReadAsync(ReadAll, ct)));
    }

    private static async Task<long> Insert(DbConnection connection, DbTransaction tx, string text, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "INSERT INTO notes (text) VALUES ($text) RETURNING id";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$text";
        parameter.Value = text;
        command.Parameters.Add(parameter);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<IReadOnlyList<Note>> ReadAll(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, text FROM notes ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var notes = new List<Note>();
        while (await reader.ReadAsync(ct))
        {
            notes.Add(new Note(reader.GetInt64(0), reader.GetString(1)));
        }

        return notes;
    }
}

public sealed record Pong(string Answer);

public sealed record NoteInput(string Text);

public sealed record Note(long Id, string Text);
