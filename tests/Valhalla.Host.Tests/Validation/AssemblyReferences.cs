using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Valhalla.Host.Tests.Validation;

/// <summary>Rewrites an assembly reference's version in a built dll, as if it had been built against another version.</summary>
internal static class AssemblyReferences
{
    public static void Rewrite(string dll, string referenceName, Version version)
    {
        var bytes = File.ReadAllBytes(dll);
        int offset;
        using (var pe = new PEReader(new MemoryStream(bytes)))
        {
            var reader = pe.GetMetadataReader();
            var handle = reader.AssemblyReferences.Single(r => reader.StringComparer.Equals(reader.GetAssemblyReference(r).Name, referenceName));
            // An AssemblyRef row starts with its version: major, minor, build, revision as 16-bit numbers.
            offset = pe.PEHeaders.MetadataStartOffset + reader.GetTableMetadataOffset(TableIndex.AssemblyRef)
                + ((MetadataTokens.GetRowNumber(handle) - 1) * reader.GetTableRowSize(TableIndex.AssemblyRef));
        }

        BitConverter.TryWriteBytes(bytes.AsSpan(offset), (ushort)version.Major);
        BitConverter.TryWriteBytes(bytes.AsSpan(offset + 2), (ushort)version.Minor);
        BitConverter.TryWriteBytes(bytes.AsSpan(offset + 4), (ushort)version.Build);
        BitConverter.TryWriteBytes(bytes.AsSpan(offset + 6), (ushort)version.Revision);
        File.WriteAllBytes(dll, bytes);
    }
}
