using System.IO.Compression;
using System.Xml.Linq;
using Valhalla.Testing.Authoring;

namespace Valhalla.EndToEnd.Tests.Authoring;

[Collection(AuthoringCollection.Name)]
public sealed class ContractsPackageTests(AuthoringKit kit)
{
    [Fact]
    public void The_contracts_package_carries_the_assembly_with_its_xml_docs()
    {
        using var package = ZipFile.OpenRead(kit.Feed.PackagePath);

        var entries = package.Entries.Select(e => e.FullName).ToList();

        Assert.Contains("lib/net10.0/Valhalla.Contracts.dll", entries);
        Assert.Contains("lib/net10.0/Valhalla.Contracts.xml", entries);
        using var docs = new StreamReader(package.GetEntry("lib/net10.0/Valhalla.Contracts.xml")!.Open());
        Assert.Contains("T:Valhalla.Contracts.IPack", docs.ReadToEnd());
    }

    [Fact]
    public void The_contracts_package_passes_its_aspnetcore_framework_reference_on_to_packs()
    {
        using var package = ZipFile.OpenRead(kit.Feed.PackagePath);
        using var stream = package.GetEntry("Valhalla.Contracts.nuspec")!.Open();
        var nuspec = XDocument.Load(stream);

        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        var group = Assert.Single(metadata.Elements().Single(e => e.Name.LocalName == "frameworkReferences").Elements());

        Assert.Equal(kit.Feed.Version, metadata.Elements().Single(e => e.Name.LocalName == "version").Value);
        Assert.Equal("net10.0", (string?)group.Attribute("targetFramework"));
        Assert.Equal("Microsoft.AspNetCore.App", (string?)Assert.Single(group.Elements()).Attribute("name"));
    }
}
