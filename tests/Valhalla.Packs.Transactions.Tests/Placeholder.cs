namespace Valhalla.Packs.Transactions.Tests;
