using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Valhalla.Testing;
using Valhalla.Testing.Authoring;

namespace Valhalla.EndToEnd.Tests.Access;

/// <summary>
/// The README's curl commands, run as written by bash and curl from the folder that holds <c>data/</c>,
/// against a host on a fresh data folder; only the port differs.
/// </summary>
public sealed partial class ReadmeQuickStartTests() : HostTest(BuiltPacks.Budget, BuiltPacks.Transactions)
{
    [Fact]
    public async Task The_quick_start_commands_create_a_bucket_and_show_it_in_the_month()
    {
        var script = QuickStartScript().Replace("http://127.0.0.1:8000", Host.Address.ToString().TrimEnd('/'), StringComparison.Ordinal);

        var output = await RunBashAsync(script, workingDirectory: Path.GetDirectoryName(Folders.DataRoot)!);

        // Each command prints one JSON document: the new bucket, then the month snapshot.
        var documents = JsonDocuments().Matches(output).Select(m => JsonNode.Parse(m.Value)!.AsObject()).ToList();
        Assert.Equal(2, documents.Count);
        Assert.StartsWith("bk_", (string?)documents[0]["id"]);
        Assert.Equal("2026-01", (string?)documents[1]["month"]);
        Assert.Contains(documents[1]["buckets"]!.AsArray(), b => (string?)b!["name"] == "Groceries");
    }

    private static string QuickStartScript()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        return CodeBlocks().Matches(readme).Select(m => m.Groups["code"].Value).First(code => code.Contains("curl", StringComparison.Ordinal));
    }

    private static async Task<string> RunBashAsync(string script, string workingDirectory)
    {
        var start = new ProcessStartInfo("bash", ["-euo", "pipefail", "-c", script.Replace("curl -s", "curl -sS --fail-with-body", StringComparison.Ordinal) + "\necho"])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var bash = Process.Start(start)!;
        var output = bash.StandardOutput.ReadToEndAsync();
        var error = bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();
        Assert.True(bash.ExitCode == 0, $"the README's commands failed ({bash.ExitCode}): {await error}\n{await output}");
        return await output;
    }

    [GeneratedRegex(@"```sh\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlocks();

    // Top-level JSON objects printed back to back (curl adds no newline between answers).
    [GeneratedRegex(@"\{(?:[^{}]|(?<open>\{)|(?<-open>\}))*(?(open)(?!))\}")]
    private static partial Regex JsonDocuments();
}
