using Valhalla.Packs.Kit;
using Valhalla.Testing;

namespace Valhalla.Packs.Budget.Tests;

public sealed class OutboxMigrationTests
{
    [Fact]
    public void The_packs_migrations_create_the_outbox_the_kit_writes_to() =>
        MigrationAssert.Declares(typeof(Valhalla.Packs.Budget.BudgetPack).Assembly, Outbox.Schema);
}
