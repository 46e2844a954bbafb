using System.Text.Json;
using Microsoft.Extensions.Logging;
using Valhalla.Host.Configuration;
using Valhalla.Host.Http;
using Valhalla.Host.Validation;

namespace Valhalla.Host.Loading;

/// <summary>
/// Remembers, in <c>host/serving.json</c> under the data root, which pack served from which folder,
/// so that after a restart a stray copy claiming the same code, prefix or data file cannot take the
/// pack that was serving offline. Written atomically (temp file, flushed, then renamed).
/// </summary>
internal static class ServingRecord
{
    public const string FileName = "serving.json";

    private static readonly JsonSerializerOptions Json = WireJson.Create(indented: true);

    public static string PathOf(ValhallaPaths paths) => Path.Combine(paths.HostFolder, FileName);

    /// <summary>What was serving when the record was last written; nothing when there is no record or it cannot be read.</summary>
    public static IReadOnlyList<ServingPack> Read(ValhallaPaths paths, ILogger logger)
    {
        var path = PathOf(paths);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<Document>(File.ReadAllText(path), Json)?.Packs ?? [] : [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            logger.LogWarning("Could not read {File}; contested claims are settled by folder name this time: {Reason}", path, ex.Message);
            return [];
        }
    }

    public static void Write(ValhallaPaths paths, IReadOnlyList<ServingPack> serving, ILogger logger)
    {
        var path = PathOf(paths);
        var temp = path + ".tmp";
        try
        {
            Directory.CreateDirectory(paths.HostFolder);
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
            {
                JsonSerializer.Serialize(stream, new Document(serving), Json);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not record what serves in {File}: {Reason}", path, ex.Message);
        }
    }

    private sealed record Document(IReadOnlyList<ServingPack> Packs);
}
