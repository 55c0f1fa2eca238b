namespace PciCloud.Region.Auth;

[Flags]
public enum CallerKind
{
    None = 0,
    Tenant = 1,
    Agent = 2,
    Admin = 4,
}
