using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Valhalla.Host.Tests.Validation;

/// <summary>Portable executables that are not ordinary assemblies: a native-looking image, and a module without an assembly manifest.</summary>
internal static class PeImages
{
    /// <summary>Copies a managed dll with its CLI header directory cleared, as a native dll would have it: a PE image without .NET metadata.</summary>
    public static void CopyWithoutMetadata(string dll, string target)
    {
        var bytes = File.ReadAllBytes(dll);
        int offset;
        using (var pe = new PEReader(new MemoryStream(bytes)))
        {
            Assert.True(pe.HasMetadata);
            // The data directories follow the optional header's fixed part (96 bytes in PE32, 112 in PE32+); the CLI header is the 15th.
            var fixedPart = pe.PEHeaders.PEHeader!.Magic == PEMagic.PE32Plus ? 112 : 96;
            offset = pe.PEHeaders.PEHeaderStartOffset + fixedPart + (14 * 8);
        }

        bytes.AsSpan(offset, 8).Clear();
        File.WriteAllBytes(target, bytes);
        using var check = new PEReader(File.OpenRead(target));
        Assert.False(check.HasMetadata);
    }

    /// <summary>Writes a managed module (a .netmodule) under <paramref name="target"/>: metadata, but no assembly definition.</summary>
    public static void WriteModuleWithoutAssembly(string target)
    {
        var metadata = new MetadataBuilder();
        metadata.AddModule(0, metadata.GetOrAddString("Helpers.netmodule"), metadata.GetOrAddGuid(Guid.NewGuid()), default, default);
        metadata.AddTypeDefinition(default, default, metadata.GetOrAddString("<Module>"), default,
            MetadataTokens.FieldDefinitionHandle(1), MetadataTokens.MethodDefinitionHandle(1));
        var blob = new BlobBuilder();
        new ManagedPEBuilder(PEHeaderBuilder.CreateLibraryHeader(), new MetadataRootBuilder(metadata), new BlobBuilder()).Serialize(blob);
        File.WriteAllBytes(target, blob.ToArray());
        using var check = new PEReader(File.OpenRead(target));
        Assert.False(check.GetMetadataReader().IsAssembly);
    }

    /// <summary>
    /// Rewrites the signature of <paramref name="type"/>'s constructor taking one string, <c>20 01 01 0E</c>, into that of a
    /// generic constructor without parameters, <c>30 01 00 01</c> (generic, one type parameter, no parameters, void): IL can say it, C# cannot.
    /// </summary>
    public static void MakeStringConstructorGeneric(string dll, string type)
    {
        var bytes = File.ReadAllBytes(dll);
        int offset;
        using (var pe = new PEReader(new MemoryStream(bytes)))
        {
            var reader = pe.GetMetadataReader();
            var definition = reader.TypeDefinitions.Select(reader.GetTypeDefinition)
                .Single(t => reader.GetString(t.Namespace) + "." + reader.GetString(t.Name) == type);
            var constructor = definition.GetMethods().Select(reader.GetMethodDefinition).Single(m => reader.GetString(m.Name) == ".ctor");
            // A blob starts with its length: one byte for a blob this short.
            offset = pe.PEHeaders.MetadataStartOffset + reader.GetHeapMetadataOffset(HeapIndex.Blob) + MetadataTokens.GetHeapOffset(constructor.Signature) + 1;
        }

        Assert.Equal(new byte[] { 0x04, 0x20, 0x01, 0x01, 0x0E }, bytes[(offset - 1)..(offset + 4)]);
        new byte[] { 0x30, 0x01, 0x00, 0x01 }.CopyTo(bytes, offset);
        File.WriteAllBytes(dll, bytes);
    }
}
