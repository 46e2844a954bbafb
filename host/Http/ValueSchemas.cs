using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Valhalla.Contracts.Values;

namespace Valhalla.Host.Http;

/// <summary>
/// Describes the shared value types as they travel: their JSON converters write a number and a
/// string, which the schema generator cannot see by itself.
/// </summary>
internal static class ValueSchemas
{
    public static OpenApiOptions AddValueSchemas(this OpenApiOptions options) =>
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
            if (type == typeof(Money))
            {
                schema.Type = JsonSchemaType.Number;
                schema.MultipleOf = 0.01m;
                schema.Description = "An amount of money with at most two decimals, e.g. 120.50.";
            }
            else if (type == typeof(Month))
            {
                schema.Type = JsonSchemaType.String;
                schema.Pattern = "^[0-9]{4}-(0[1-9]|1[0-2])$";
                schema.Description = "A month, YYYY-MM.";
            }

            return Task.CompletedTask;
        });
}
