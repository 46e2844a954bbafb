namespace Valhalla.Packs.Budget;
