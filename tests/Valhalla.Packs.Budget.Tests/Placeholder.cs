namespace Valhalla.Packs.Budget.Tests;
