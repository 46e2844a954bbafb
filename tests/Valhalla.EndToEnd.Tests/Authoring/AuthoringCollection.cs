using Valhalla.Testing.Authoring;

namespace Valhalla.EndToEnd.Tests.Authoring;

/// <summary>Tests of the pack author's kit share one packed feed, one sample build and one template build.</summary>
[CollectionDefinition(Name)]
public sealed class AuthoringCollection : ICollectionFixture<AuthoringKit>
{
    public const string Name = "Pack author's kit";
}
