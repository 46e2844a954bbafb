namespace Valhalla.Fixtures.Obligations;
