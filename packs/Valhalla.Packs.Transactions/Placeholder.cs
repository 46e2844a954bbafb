namespace Valhalla.Packs.Transactions;
