using System.Globalization;
using Valhalla.Host;

// The host runs with ICU, which Unicode normalisation needs (in invariant globalization mode
// string.Normalize changes nothing, and "Café" typed two ways would be two names), but it formats
// and compares as the invariant culture whatever the machine's locale.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

return await ValhallaCommand.RunAsync(args);
