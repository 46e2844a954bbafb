using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Valhalla.Host.Http;

/// <summary>
/// The one place where request binding failures — malformed JSON, a wrong type, an unknown or
/// missing field, an unparsable route or query value — become RFC 9457 400s naming the field,
/// for the host and every pack alike.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        // "…was missing required properties including: 'name', 'date'." is about those fields, not the body.
        var missing = MissingFields(badRequest);
        var (field, message) = missing.Count > 0 ? (missing[0], "is required.") : Describe(badRequest);
        var errors = missing.Count > 0
            ? missing.ToDictionary(name => name, _ => new[] { message })
            : new Dictionary<string, string[]> { [field] = [message] };
        context.Response.StatusCode = badRequest.StatusCode;
        var problem = new ValidationProblemDetails(errors)
        {
            Status = badRequest.StatusCode,
            Title = "The request could not be read.",
            Detail = field == "body" ? message : string.Join(" ", errors.Keys.Select(name => $"{name}: {message}")),
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static (string Field, string Message) Describe(BadHttpRequestException exception)
    {
        // A syntax error arrives with the reader's exception inside: the body as a whole is broken.
        if (exception.InnerException is JsonException { InnerException: JsonException syntax } broken)
        {
            return ("body", $"is not valid JSON: {syntax.Message} (line {broken.LineNumber + 1}, byte {broken.BytePositionInLine}).");
        }

        if (exception.InnerException is JsonException json)
        {
            var field = FieldName(json.Path);
            var message = json.Message;
            var pathNote = message.IndexOf(" Path: ", StringComparison.Ordinal);
            return (field, pathNote > 0 ? message[..pathNote] : message);
        }

        // Route, query and header binding failures name the parameter: Failed to bind parameter "int? limit" from "abc".
        return BindingFailure().Match(exception.Message) is { Success: true } match
            ? (WireName(match.Groups["name"].Value), $"'{match.Groups["value"].Value}' is not a valid {match.Groups["type"].Value.TrimEnd('?')}.")
            : ("body", exception.Message);
    }

    private static List<string> MissingFields(BadHttpRequestException exception) =>
        exception.InnerException is JsonException json && MissingRequired().Match(json.Message) is { Success: true } match
            ? [.. match.Groups["name"].Captures.Select(c => c.Value)]
            : [];

    [GeneratedRegex("missing required properties including: '(?<name>[^']+)'(?:, '(?<name>[^']+)')*")]
    private static partial Regex MissingRequired();

    [GeneratedRegex("^Failed to bind parameter \"(?<type>[^\"]+) (?<name>[^\" ]+)\" from \"(?<value>[^\"]*)\"")]
    private static partial Regex BindingFailure();

    // A property of an [AsParameters] record is named as in C# ("TxType"); the wire says "tx_type".
    private static string WireName(string name) =>
        name.Length > 0 && char.IsUpper(name[0]) ? PascalWord().Replace(name, "_$0").TrimStart('_').ToLowerInvariant() : name;

    [GeneratedRegex("[A-Z]")]
    private static partial Regex PascalWord();

    // "$.links.deal_id" → "links.deal_id"; "$" (the whole body) → "body".
    private static string FieldName(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');
}
