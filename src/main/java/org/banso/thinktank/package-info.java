/**
 * The think tank (R18–R20, R4): qualified research entities and multi-year commissions; indicators of research and
 * patent strength computed from the NCSES Science and Engineering Indicators 2020 tables; the semiconductor
 * supply-chain view from the ETO dataset; and rankings of technologies by AHP weights and TOPSIS.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Think tank")
package org.banso.thinktank;
