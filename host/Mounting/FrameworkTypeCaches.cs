using System.Collections;
using System.ComponentModel;
using System.Reflection;
using System.Reflection.Metadata;
using System.Runtime.Loader;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Valhalla.Host.Mounting;

/// <summary>
/// Framework caches keyed by type that would keep an unloaded pack's load context alive, emptied
/// once a pack is gone (this costs the framework a few lookups the next time it meets a type):
/// <list type="bullet">
/// <item>the caches that hot reload flushes (System.Text.Json's member accessors, TypeDescriptor's
/// reflection caches, ASP.NET Core's property helpers), through the handlers the runtime itself calls
/// when types change;</item>
/// <item>TypeDescriptor's per-type data, which the API explorer fills with handler return types such
/// as <c>IReadOnlyList&lt;Note&gt;</c>, and which <see cref="TypeDescriptor.Refresh(Type)"/> does not
/// clear for interface types;</item>
/// <item>ASP.NET Core's <c>ParameterBindingMethodCache</c> (which handler parameter types have TryParse
/// or BindAsync), internal and compiled into several framework assemblies, which holds every
/// parameter type it has seen: collectible types are removed from it;</item>
/// <item>the OpenAPI document's services, which cache schema ids, operations and JSON metadata by type.</item>
/// </list>
/// All but the first are internals found by name. If a framework version renames them, nothing is cleared and the
/// unload check reports the pack as leaked instead of failing.
/// </summary>
internal static class FrameworkTypeCaches
{
    private const string ParameterBindingMethodCache = "Microsoft.AspNetCore.Http.ParameterBindingMethodCache";
    private static readonly string[] OpenApiServices = ["Microsoft.AspNetCore.OpenApi.OpenApiDocumentService", "Microsoft.AspNetCore.OpenApi.OpenApiSchemaService"];
    private static readonly string[] FlushedOnHotReload = ["System.Text.Json", "System.ComponentModel", "Microsoft.AspNetCore", "Microsoft.Extensions"];

    /// <summary>Empties the caches of collectible (pack) types; <paramref name="hostServices"/> holds the OpenAPI services.</summary>
    public static void ForgetPackTypes(IServiceProvider hostServices)
    {
        var framework = AssemblyLoadContext.Default.Assemblies
            .Where(a => FlushedOnHotReload.Any(prefix => a.GetName().Name?.StartsWith(prefix, StringComparison.Ordinal) == true))
            .ToList();
        foreach (var handler in framework.SelectMany(a => a.GetCustomAttributes<MetadataUpdateHandlerAttribute>()).Select(a => a.HandlerType).Distinct())
        {
            handler.GetMethod("ClearCache", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic, [typeof(Type[])])?.Invoke(null, [null]);
        }

        ForgetTypeDescriptorData();

        foreach (var cacheType in framework.Select(a => a.GetType(ParameterBindingMethodCache, throwOnError: false)).OfType<Type>())
        {
            foreach (var cache in SharedInstances(cacheType))
            {
                ForgetCollectibleKeys(cache);
            }
        }

        ClearOpenApiCaches(hostServices, framework);
    }

    private static void ForgetTypeDescriptorData()
    {
        const BindingFlags Private = BindingFlags.Static | BindingFlags.NonPublic;
        if (typeof(TypeDescriptor).GetField("s_providerTable", Private)?.GetValue(null) is not IDictionary providers
            || typeof(TypeDescriptor).GetField("s_commonSyncObject", Private)?.GetValue(null) is not { } sync)
        {
            return;
        }

        List<object> nodes;
        lock (sync)
        {
            nodes = [.. providers.Values.OfType<object>()];
        }

        // Type-keyed tables beside it (which provider serves a type, which types have defaults).
        foreach (var table in typeof(TypeDescriptor).GetFields(Private).Select(f => f.GetValue(null)).OfType<IDictionary>().Where(d => d != providers))
        {
            ForgetCollectibleKeys(table);
        }

        // Each entry is a chain of nodes, each holding a provider; the reflection provider keeps the data.
        foreach (var first in nodes)
        {
            for (var node = first; node is not null; node = Field(node, "Next"))
            {
                if (Field(node, "Provider") is { } provider)
                {
                    ForgetCollectibleKeys(provider);
                }
            }
        }
    }

    private static object? Field(object target, string name) =>
        target.GetType().GetField(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)?.GetValue(target);

    private static void ClearOpenApiCaches(IServiceProvider hostServices, List<Assembly> framework)
    {
        var keyed = hostServices as IKeyedServiceProvider;
        var services = framework
            .SelectMany(a => OpenApiServices.Select(name => a.GetType(name, throwOnError: false)))
            .OfType<Type>()
            .Select(type => keyed?.GetKeyedService(type, "v1"))
            .OfType<object>();
        foreach (var service in services)
        {
            foreach (var field in service.GetType().GetFields(BindingFlags.Instance | BindingFlags.NonPublic))
            {
                switch (field.GetValue(service))
                {
                    case IDictionary cache:
                        cache.Clear();
                        break;
                    case JsonSerializerOptions json:
                        typeof(JsonSerializerOptions).GetMethod("ClearCaches", BindingFlags.Instance | BindingFlags.NonPublic)?.Invoke(json, null);
                        break;
                }
            }
        }
    }

    // The shared instances sit behind static Lazy<T> fields; an instance never created holds nothing.
    private static IEnumerable<object> SharedInstances(Type cacheType) =>
        cacheType.GetFields(BindingFlags.Static | BindingFlags.NonPublic)
            .Where(f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(Lazy<>))
            .Select(f => f.GetValue(null))
            .OfType<object>()
            .Where(lazy => lazy.GetType().GetProperty(nameof(Lazy<object>.IsValueCreated))!.GetValue(lazy) is true)
            .Select(lazy => lazy.GetType().GetProperty(nameof(Lazy<object>.Value))!.GetValue(lazy))
            .OfType<object>();

    /// <summary>Removes collectible types from every type-keyed dictionary <paramref name="cache"/> holds in its fields.</summary>
    private static void ForgetCollectibleKeys(object cache)
    {
        foreach (var dictionary in cache.GetType().GetFields(BindingFlags.Instance | BindingFlags.NonPublic).Select(f => f.GetValue(cache)).OfType<IDictionary>())
        {
            ForgetCollectibleKeys(dictionary);
        }
    }

    private static void ForgetCollectibleKeys(IDictionary dictionary)
    {
        foreach (var type in dictionary.Keys.OfType<Type>().Where(type => type.IsCollectible).ToList())
        {
            dictionary.Remove(type);
        }
    }
}
