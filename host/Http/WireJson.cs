using System.Text.Json;
using System.Text.Json.Serialization;

namespace Valhalla.Host.Http;

/// <summary>The wire's JSON rules, applied to the host and to each pack's own options.</summary>
public static class WireJson
{
    /// <summary>snake_case names and enums, unknown fields refused, nullability and required members enforced.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
    }

    /// <summary>New options with the wire rules, for files such as the validation report.</summary>
    public static JsonSerializerOptions Create(bool indented = false)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = indented };
        Configure(options);
        return options;
    }
}
