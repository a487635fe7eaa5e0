/**
 * DOIs for digitized items: minting one DOI per item under a configured prefix and pattern
 * ({@link org.kura.lod.doi.DoiPattern}, {@link org.kura.lod.doi.DoiMinter}) and writing the registration
 * metadata that library staff send to DataCite ({@link org.kura.lod.doi.DataCiteXml}) or to the Japan Link
 * Center ({@link org.kura.lod.doi.JalcXml}).
 *
 * <p>Why here, in {@code kura-lod}: a DOI is a persistent identifier for linking, and its registration
 * metadata is one more outgoing crosswalk of the common record, next to DC-NDL RDF and schema.org; minting
 * needs the catalog (where the DOIs are kept, table {@code dois}), which {@code kura-lod} already depends on,
 * while {@code kura-repository} knows only the OCFL objects. The XML writers are pure functions of a
 * {@link org.kura.lod.doi.DoiRegistration}: no catalog, clock or network inside.
 */
package org.kura.lod.doi;
