using System.Text.Json;
using Microsoft.Extensions.Options;
using Valhalla.Host.Access;
using Valhalla.Host.Backups;
using Valhalla.Host.Configuration;
using Valhalla.Host.Http;
using Valhalla.Host.Loading;
using Valhalla.Host.Reports;

namespace Valhalla.Host;

/// <summary>
/// The command line: <c>valhalla [--strict] [config…]</c> serves; <c>valhalla validate [--json]</c>
/// checks the drop folder without starting the web server (exit 0 when clean, 1 on any error);
/// <c>valhalla keys create|list|revoke …</c> manages API keys (see <see cref="KeysCommand"/>);
/// <c>valhalla backup</c> and <c>valhalla restore FILE [--data DIR]</c> (see <see cref="BackupCommand"/>).
/// </summary>
public static class ValhallaCommand
{
    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    /// <summary>Runs the command line, writing a command's own output (not the host's logs) to <paramref name="output"/> and <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.FirstOrDefault() == "keys")
        {
            return await KeysAsync(args[1..], output, error);
        }

        if (args.FirstOrDefault() == "backup")
        {
            await using var backupApp = ValhallaApp.Build(["--Logging:LogLevel:Default=Warning", .. args[1..]]);
            return await BackupCommand.BackUpAsync(backupApp.Services, output, error);
        }

        if (args.FirstOrDefault() == "restore")
        {
            if (BackupCommand.ParseRestore(args[1..]) is not var (file, restoreArgs))
            {
                await error.WriteLineAsync(BackupCommand.RestoreUsage);
                return Restorer.Usage;
            }

            await using var restoreApp = ValhallaApp.Build(["--Logging:LogLevel:Default=Warning", .. restoreArgs]);
            return await BackupCommand.RestoreAsync(restoreApp.Services, file, output, error);
        }

        var validate = args.FirstOrDefault() == "validate";
        var strict = args.Contains("--strict");
        var json = args.Contains("--json");
        string[] hostArgs = [.. args.Skip(validate ? 1 : 0).Where(a => a is not "--strict" and not "--json")];

        await using var app = ValhallaApp.Build(hostArgs);
        return validate ? await ValidateAsync(app, json) : await ServeAsync(app, strict);
    }

    // keys create --name phone --scope read [--packs A,B] [config…]: the configuration (data root) is whatever is not the command's own.
    private static async Task<int> KeysAsync(string[] args, TextWriter output, TextWriter error)
    {
        var configStart = Array.FindIndex(args, a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('='));
        string[] command = configStart < 0 ? args : args[..configStart];
        // Only warnings: the key goes to standard output, where a script may capture it (key=$(… keys create …)).
        string[] hostArgs = ["--Logging:LogLevel:Default=Warning", .. configStart < 0 ? [] : args[configStart..]];
        await using var app = ValhallaApp.Build(hostArgs);
        return await KeysCommand.RunAsync(app.Services.GetRequiredService<KeyDirectory>(), command, output, error);
    }

    private static async Task<int> ValidateAsync(WebApplication app, bool json)
    {
        var report = app.Services.GetRequiredService<PackHost>().Validate();
        var paths = app.Services.GetRequiredService<ValhallaPaths>();
        var lastBackup = app.Services.GetRequiredService<LastBackup>().Record;
        var file = await ReportWriter.WriteAsync(report, paths.ReportsFolder, lastBackup);
        Console.Out.Write(json
            ? JsonSerializer.Serialize(ReportWriter.ToDocument(report, lastBackup), WireJson.Create(indented: true)) + Environment.NewLine
            : ReportTable.Render(report) + $"Report written to {file}" + Environment.NewLine);
        return report.Ok ? 0 : 1;
    }

    private static async Task<int> ServeAsync(WebApplication app, bool strict)
    {
        if (ValhallaApp.RefusalToServe(app) is { } refusal)
        {
            app.Logger.LogCritical("Not serving: {Reason}", refusal);
            return 1;
        }

        if (!app.Services.GetRequiredService<HostLock>().TryAcquire())
        {
            app.Logger.LogCritical("Not serving: another Valhalla host is running on {DataRoot} (it holds {LockFile}), or a restore is under way.",
                app.Services.GetRequiredService<ValhallaPaths>().DataRoot, app.Services.GetRequiredService<HostLock>().FilePath);
            return 1;
        }

        var report = await ValhallaApp.LoadPacksAsync(app);
        strict |= app.Services.GetRequiredService<IOptions<ValhallaOptions>>().Value.Strict;
        if (strict && !report.Ok)
        {
            app.Logger.LogCritical("--strict: {Errors} pack errors, not serving.", report.Errors.Count);
            return 1;
        }

        await app.RunAsync();
        return 0;
    }
}
