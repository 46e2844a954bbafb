using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Valhalla.Contracts;
using Valhalla.Contracts.Catalog;

namespace Valhalla.Host.Validation;

/// <summary>
/// Checks a pack's assembly and entry type from metadata alone (System.Reflection.Metadata), so no
/// pack code — not even a static constructor — runs before the pack is found valid.
/// </summary>
internal static class EntryTypeInspector
{
    private static readonly string ContractsAssembly = typeof(IPack).Assembly.GetName().Name!;
    private static readonly Version HostContracts = typeof(IPack).Assembly.GetName().Version!;

    public static IEnumerable<Finding> Inspect(PackManifest manifest, string assemblyPath)
    {
        var pack = manifest.Code;
        try
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                return [Unreadable(pack, manifest, "it has no .NET metadata")];
            }

            return Inspect(pe.GetMetadataReader(), manifest).ToList();
        }
        catch (BadImageFormatException ex)
        {
            return [Unreadable(pack, manifest, ex.Message)];
        }
    }

    private static IEnumerable<Finding> Inspect(MetadataReader reader, PackManifest manifest)
    {
        var pack = manifest.Code;
        var symbol = manifest.RouterSymbol;
        foreach (var reference in reader.AssemblyReferences.Select(reader.GetAssemblyReference))
        {
            if (!reader.StringComparer.Equals(reference.Name, ContractsAssembly))
            {
                continue;
            }

            if (reference.Version.Major != ContractsVersion.Major)
            {
                yield return ManifestChecks.Error(pack, FindingCodes.ContractsMajorMismatch, "The pack's assembly references other contracts.",
                    $"module {manifest.Module} references Valhalla.Contracts {reference.Version} but this host offers {ContractsVersion.Current}. Rebuild the pack against Valhalla.Contracts {ContractsVersion.Major}.x.");
            }
            else if (reference.Version > HostContracts)
            {
                // The runtime refuses to bind a reference to a newer assembly than the one loaded.
                yield return ManifestChecks.Error(pack, FindingCodes.ContractsMinorNewer, "The pack's assembly references newer contracts than this host has.",
                    $"module {manifest.Module} references Valhalla.Contracts {reference.Version} but this host has {HostContracts}; it would fail to load. Update the host, or build the pack against Valhalla.Contracts {ContractsVersion.Current}.");
            }
        }

        if (FindTopLevelType(reader, symbol) is not { } handle)
        {
            yield return ManifestChecks.Error(pack, FindingCodes.EntryTypeMissing, "The entry type does not exist.",
                $"router_symbol '{symbol}' names no type in {manifest.Module}.dll. Use the full name (namespace and class) of the pack's IPack class.");
            yield break;
        }

        var type = reader.GetTypeDefinition(handle);
        if ((type.Attributes & TypeAttributes.VisibilityMask) != TypeAttributes.Public)
        {
            yield return ManifestChecks.Error(pack, FindingCodes.EntryTypeNotPublic, "The entry type is not public.",
                $"router_symbol '{symbol}' names a type that is not public. Make the class public.");
        }

        if ((type.Attributes & TypeAttributes.Abstract) != 0)
        {
            yield return ManifestChecks.Error(pack, FindingCodes.EntryTypeAbstract, "The entry type cannot be created.",
                $"router_symbol '{symbol}' names an abstract class or interface. Point it at a concrete class.");
        }

        if (!ImplementsIPack(reader, handle))
        {
            yield return ManifestChecks.Error(pack, FindingCodes.EntryTypeNotIPack, "The entry type is not a pack.",
                $"router_symbol '{symbol}' does not implement Valhalla.Contracts.IPack. Implement IPack on it.");
        }

        if (!HasPublicParameterlessConstructor(reader, type))
        {
            yield return ManifestChecks.Error(pack, FindingCodes.EntryTypeNoDefaultConstructor, "The entry type has no parameterless constructor.",
                $"router_symbol '{symbol}' needs a public constructor without parameters; take services in ConfigureServices instead.");
        }
    }

    private static TypeDefinitionHandle? FindTopLevelType(MetadataReader reader, string fullName)
    {
        var dot = fullName.LastIndexOf('.');
        var (ns, name) = dot < 0 ? ("", fullName) : (fullName[..dot], fullName[(dot + 1)..]);
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            if (type.GetDeclaringType().IsNil && reader.StringComparer.Equals(type.Name, name) && reader.StringComparer.Equals(type.Namespace, ns))
            {
                return handle;
            }
        }

        return null;
    }

    // Follows base classes inside the same assembly; IPack itself must come from Valhalla.Contracts.
    private static bool ImplementsIPack(MetadataReader reader, TypeDefinitionHandle handle)
    {
        for (var depth = 0; depth < 32 && !handle.IsNil; depth++)
        {
            var type = reader.GetTypeDefinition(handle);
            foreach (var implementation in type.GetInterfaceImplementations())
            {
                if (IsContractsIPack(reader, reader.GetInterfaceImplementation(implementation).Interface))
                {
                    return true;
                }
            }

            handle = type.BaseType.Kind == HandleKind.TypeDefinition ? (TypeDefinitionHandle)type.BaseType : default;
        }

        return false;
    }

    private static bool IsContractsIPack(MetadataReader reader, EntityHandle handle)
    {
        if (handle.Kind != HandleKind.TypeReference)
        {
            return false;
        }

        var reference = reader.GetTypeReference((TypeReferenceHandle)handle);
        return reader.StringComparer.Equals(reference.Name, nameof(IPack))
            && reader.StringComparer.Equals(reference.Namespace, typeof(IPack).Namespace!)
            && reference.ResolutionScope.Kind == HandleKind.AssemblyReference
            && reader.StringComparer.Equals(reader.GetAssemblyReference((AssemblyReferenceHandle)reference.ResolutionScope).Name, ContractsAssembly);
    }

    private static bool HasPublicParameterlessConstructor(MetadataReader reader, TypeDefinition type)
    {
        foreach (var handle in type.GetMethods())
        {
            var method = reader.GetMethodDefinition(handle);
            if ((method.Attributes & MethodAttributes.MemberAccessMask) != MethodAttributes.Public
                || (method.Attributes & MethodAttributes.Static) != 0
                || !reader.StringComparer.Equals(method.Name, ".ctor"))
            {
                continue;
            }

            var signature = reader.GetBlobReader(method.Signature);
            var header = signature.ReadSignatureHeader();
            if (header.IsGeneric)
            {
                signature.ReadCompressedInteger();
            }

            if (signature.ReadCompressedInteger() == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static Finding Unreadable(string pack, PackManifest manifest, string reason) =>
        ManifestChecks.Error(pack, FindingCodes.ModuleUnreadable, "The module is not a .NET assembly.",
            $"module {manifest.Module}.dll could not be read: {reason}. Drop the pack's build output, not another file under that name.");
}
