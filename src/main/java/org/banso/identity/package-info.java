/**
 * Organizations, people, accounts, authentication and roles. Its API: ids, the signed-in {@link
 * org.banso.identity.BansoUser}, read models, the {@link org.banso.identity.IdentityManagement} facade and the
 * events it publishes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.banso.identity;
