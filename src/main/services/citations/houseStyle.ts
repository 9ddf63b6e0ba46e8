/**
 * Dossier's French house style, written in CSL so the same processor that formats any style
 * the analyst adds formats this one too. It follows ISO 690 as French services write it:
 * NOM Prénom, *Titre* (or « Titre » and the *Journal* for an article), lieu, éditeur, date,
 * p. 12. Its words (« consulté le », « s. d. », « p. ») come from the CSL locale of the
 * briefing's language, so an English briefing in this style reads "accessed", "n.d.".
 */

import { HOUSE_CITATION_STYLE } from '../../../shared/briefing/spec'

/** The default of every new briefing (`newBriefing`), so its id lives with the briefing's shape. */
export const HOUSE_STYLE_ID = HOUSE_CITATION_STYLE

/**
 * The style itself. Two choices worth saying: the paragraph of a source that has no pages is
 * cited « § 4 », as Dossier's own citations do (the locale's « paragr. » is the only term
 * overridden); and the sign and its number are joined by a no-break space, so « p. » never
 * ends a line alone.
 */
export const HOUSE_STYLE_CSL = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0" default-locale="fr-FR">
  <info>
    <title>Dossier — ISO 690 (style maison)</title>
    <id>https://dossier.invalid/styles/iso690-dossier</id>
    <updated>2026-12-02T00:00:00+00:00</updated>
  </info>
  <locale>
    <terms>
      <term name="paragraph" form="short"><single>§</single><multiple>§</multiple></term>
    </terms>
  </locale>
  <macro name="author">
    <names variable="author">
      <name name-as-sort-order="all" sort-separator=" " delimiter=", " delimiter-precedes-last="always" initialize="false">
        <name-part name="family" text-case="uppercase"/>
      </name>
    </names>
  </macro>
  <macro name="title">
    <choose>
      <if type="article-newspaper article-magazine article-journal webpage post-weblog" match="any">
        <choose>
          <if variable="container-title">
            <group delimiter=", ">
              <text variable="title" quotes="true"/>
              <text variable="container-title" font-style="italic"/>
            </group>
          </if>
          <else>
            <text variable="title" font-style="italic"/>
          </else>
        </choose>
      </if>
      <else>
        <group delimiter=", ">
          <text variable="title" font-style="italic"/>
          <text variable="container-title"/>
        </group>
      </else>
    </choose>
  </macro>
  <macro name="publication">
    <group delimiter=", ">
      <text variable="publisher-place"/>
      <choose>
        <if type="article-newspaper article-magazine article-journal webpage post-weblog" match="none">
          <text variable="publisher"/>
        </if>
      </choose>
    </group>
  </macro>
  <macro name="date">
    <choose>
      <if variable="issued">
        <date variable="issued" form="text"/>
      </if>
      <else>
        <text term="no date" form="short" prefix="[" suffix="]"/>
      </else>
    </choose>
  </macro>
  <macro name="locator">
    <group delimiter="&#160;">
      <label variable="locator" form="short"/>
      <text variable="locator"/>
    </group>
  </macro>
  <macro name="access">
    <group delimiter=" ">
      <group delimiter="">
        <text term="available at" text-case="capitalize-first"/>
        <text term="colon"/>
        <text value=" "/>
        <text variable="URL"/>
      </group>
      <group prefix="[" suffix="]" delimiter=" ">
        <text term="accessed"/>
        <date variable="accessed" form="text"/>
      </group>
    </group>
  </macro>
  <citation>
    <layout suffix="." delimiter="; ">
      <group delimiter=", ">
        <text macro="author"/>
        <text macro="title"/>
        <text macro="publication"/>
        <text macro="date"/>
        <text macro="locator"/>
      </group>
    </layout>
  </citation>
  <bibliography>
    <layout suffix=".">
      <group delimiter=", ">
        <text macro="author"/>
        <text macro="title"/>
        <text macro="publication"/>
        <text macro="date"/>
        <text variable="page" prefix="p.&#160;"/>
      </group>
      <choose>
        <if variable="URL">
          <text macro="access" prefix=". "/>
        </if>
      </choose>
    </layout>
  </bibliography>
</style>
`
